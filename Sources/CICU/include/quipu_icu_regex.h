// ICU regular expressions for pattern-rule predicates, with plain C types (see quipu_icu.h).
#ifndef QUIPU_ICU_REGEX_H
#define QUIPU_ICU_REGEX_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct quipu_regex quipu_regex;

/// Compiles `pattern` (UTF-16). On a syntax error, *status is set and *error_offset is the
/// 0-based UTF-16 offset in the pattern where ICU found it (or -1).
quipu_regex *quipu_regex_open(const uint16_t *pattern, int32_t length, int32_t *error_offset,
                              int32_t *status);
/// A copy for another thread: a compiled ICU regex must not be used by two threads at once.
quipu_regex *quipu_regex_clone(const quipu_regex *regex, int32_t *status);
void quipu_regex_close(quipu_regex *regex);
/// Caps the work of one match, in ICU's steps (about milliseconds); 0 means no limit.
int32_t quipu_regex_set_time_limit(quipu_regex *regex, int32_t limit);
/// 1 when the WHOLE `text` matches, 0 when not, -1 when the time limit ran out or ICU failed.
int quipu_regex_matches(quipu_regex *regex, const uint16_t *text, int32_t length);

#ifdef __cplusplus
}
#endif

#endif
