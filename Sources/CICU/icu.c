// Thin wrappers: each forwards to one ICU C function with plain C types.
#include "quipu_icu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

int quipu_icu_failed(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

const char *quipu_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *quipu_icu_version(void) { return U_ICU_VERSION; }

// MARK: Break iteration

quipu_breaker *quipu_breaker_open(int kind, const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIteratorType type = kind == QUIPU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &code);
  *status = code;
  return (quipu_breaker *)it;
}

void quipu_breaker_close(quipu_breaker *breaker) {
  if (breaker) ubrk_close((UBreakIterator *)breaker);
}

int32_t quipu_breaker_set_text(quipu_breaker *breaker, const uint16_t *text, int32_t length) {
  UErrorCode code = U_ZERO_ERROR;
  ubrk_setText((UBreakIterator *)breaker, (const UChar *)text, length, &code);
  return code;
}

int32_t quipu_breaker_next(quipu_breaker *breaker) {
  int32_t next = ubrk_next((UBreakIterator *)breaker);
  return next == UBRK_DONE ? -1 : next;
}

int32_t quipu_breaker_rule_status(const quipu_breaker *breaker) {
  return ubrk_getRuleStatus((UBreakIterator *)breaker);
}

// MARK: Normalization

static const UNormalizer2 *instance(int form, UErrorCode *code) {
  return form == QUIPU_NORM_NFKC_CASEFOLD ? unorm2_getNFKCCasefoldInstance(code)
                                          : unorm2_getNFCInstance(code);
}

int quipu_norm_is_normalized(int form, const uint16_t *src, int32_t length) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *norm = instance(form, &code);
  if (U_FAILURE(code)) return 0;
  UNormalizationCheckResult r = unorm2_quickCheck(norm, (const UChar *)src, length, &code);
  return U_SUCCESS(code) && r == UNORM_YES;
}

int32_t quipu_norm_normalize(int form, const uint16_t *src, int32_t length, uint16_t *dst,
                             int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *norm = instance(form, &code);
  int32_t n = 0;
  if (U_SUCCESS(code)) {
    n = unorm2_normalize(norm, (const UChar *)src, length, (UChar *)dst, capacity, &code);
  }
  *status = code;
  return n;
}

// MARK: Transliteration

quipu_transliterator *quipu_transliterator_open(const uint16_t *id, int32_t id_length,
                                                int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse;
  UTransliterator *t =
      utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, &parse, &code);
  *status = code;
  return (quipu_transliterator *)t;
}

void quipu_transliterator_close(quipu_transliterator *transliterator) {
  if (transliterator) utrans_close((UTransliterator *)transliterator);
}

int32_t quipu_transliterate(const quipu_transliterator *transliterator, const uint16_t *src,
                            int32_t length, uint16_t *dst, int32_t capacity, int32_t *status) {
  // utrans_transUChars works in place; copy first so `src` stays intact for a retry.
  if (length > capacity) {
    *status = U_BUFFER_OVERFLOW_ERROR;
    return length;
  }
  memcpy(dst, src, (size_t)length * sizeof(uint16_t));
  UErrorCode code = U_ZERO_ERROR;
  int32_t text_length = length;
  int32_t limit = length;
  utrans_transUChars((const UTransliterator *)transliterator, (UChar *)dst, &text_length,
                     capacity, 0, &limit, &code);
  *status = code;
  return text_length;
}

// MARK: Character properties

int32_t quipu_script_of(uint32_t code_point) {
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)code_point, &code);
  return U_SUCCESS(code) ? (int32_t)script : 0;
}

const char *quipu_script_short_name(int32_t script) {
  const char *name = uscript_getShortName((UScriptCode)script);
  return name ? name : "Zyyy";
}
