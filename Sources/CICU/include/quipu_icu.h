// The Quipu side of ICU: a small C surface over the system ICU (Debian libicu-dev).
//
// Why a shim: ICU's C entry points are versioned macros (ubrk_open -> ubrk_open_72), which
// Swift cannot import by name, and ICU headers imported beside Foundation clash with
// Foundation's private ICU copy. So the .c files include <unicode/*.h> and this header
// exposes only plain C types: UTF-16 text is `uint16_t`, errors are `int32_t` ICU codes
// (<= 0 success, > 0 failure), and ICU objects are opaque pointers.
#ifndef QUIPU_ICU_H
#define QUIPU_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Errors

/// 1 when `status` is an ICU failure code, 0 otherwise.
int quipu_icu_failed(int32_t status);
/// ICU's name for an error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR". Static storage.
const char *quipu_icu_error_name(int32_t status);
/// The ICU version, e.g. "72.1". Static storage.
const char *quipu_icu_version(void);

// MARK: Break iteration (UAX #29 word and sentence boundaries)

typedef struct quipu_breaker quipu_breaker;

enum {
  QUIPU_BREAK_WORD = 0,
  QUIPU_BREAK_SENTENCE = 1,
};

/// Opens a break iterator of `kind` for `locale` ("" is the root locale).
quipu_breaker *quipu_breaker_open(int kind, const char *locale, int32_t *status);
void quipu_breaker_close(quipu_breaker *breaker);
/// Points the iterator at `text`, which must outlive the iteration. Returns an ICU status.
int32_t quipu_breaker_set_text(quipu_breaker *breaker, const uint16_t *text, int32_t length);
/// The next boundary as a UTF-16 offset, or -1 when done.
int32_t quipu_breaker_next(quipu_breaker *breaker);
/// The rule status of the segment that ends at the current boundary
/// (word iterators: 0..99 none, 100.. number, 200.. letter, 300.. kana, 400.. ideographic).
int32_t quipu_breaker_rule_status(const quipu_breaker *breaker);

// MARK: Normalization

enum {
  QUIPU_NORM_NFC = 0,
  /// NFKC, full case folding and removal of default-ignorable code points (NFKC_Casefold).
  QUIPU_NORM_NFKC_CASEFOLD = 1,
};

/// 1 when `src` is surely already in `form` (ICU's quick check said yes), else 0.
int quipu_norm_is_normalized(int form, const uint16_t *src, int32_t length);
/// Writes `src` normalized to `form` into `dst`; returns the full length needed
/// (which may exceed `capacity`, with *status set to U_BUFFER_OVERFLOW_ERROR).
int32_t quipu_norm_normalize(int form, const uint16_t *src, int32_t length, uint16_t *dst,
                             int32_t capacity, int32_t *status);

// MARK: Transliteration

typedef struct quipu_transliterator quipu_transliterator;

/// Opens a compound transliterator from an ICU transform id such as "Any-Latin; Latin-ASCII".
quipu_transliterator *quipu_transliterator_open(const uint16_t *id, int32_t id_length,
                                                int32_t *status);
void quipu_transliterator_close(quipu_transliterator *transliterator);
/// Transliterates `src` into `dst`; returns the length of the result, or the length needed
/// (> capacity, with *status = U_BUFFER_OVERFLOW_ERROR) when `dst` is too small.
int32_t quipu_transliterate(const quipu_transliterator *transliterator, const uint16_t *src,
                            int32_t length, uint16_t *dst, int32_t capacity, int32_t *status);

// MARK: Character properties

/// The ICU script code (UScriptCode) of a code point; 0 common, 1 inherited, 25 Latin, ...
int32_t quipu_script_of(uint32_t code_point);
/// The short ISO 15924 name of a script code, e.g. "Latn", "Cyrl", "Hani". Static storage.
const char *quipu_script_short_name(int32_t script);

#ifdef __cplusplus
}
#endif

#endif
