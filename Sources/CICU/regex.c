// Thin wrappers over ICU's uregex C API.
#include "quipu_icu_regex.h"

#include <unicode/uregex.h>

quipu_regex *quipu_regex_open(const uint16_t *pattern, int32_t length, int32_t *error_offset,
                              int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError parse;
  parse.offset = -1;
  URegularExpression *re = uregex_open((const UChar *)pattern, length, 0, &parse, &code);
  *status = code;
  *error_offset = parse.offset;
  return (quipu_regex *)re;
}

quipu_regex *quipu_regex_clone(const quipu_regex *regex, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *re = uregex_clone((const URegularExpression *)regex, &code);
  *status = code;
  return (quipu_regex *)re;
}

void quipu_regex_close(quipu_regex *regex) {
  if (regex) uregex_close((URegularExpression *)regex);
}

int32_t quipu_regex_set_time_limit(quipu_regex *regex, int32_t limit) {
  UErrorCode code = U_ZERO_ERROR;
  uregex_setTimeLimit((URegularExpression *)regex, limit, &code);
  return code;
}

int quipu_regex_matches(quipu_regex *regex, const uint16_t *text, int32_t length) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *re = (URegularExpression *)regex;
  uregex_setText(re, (const UChar *)text, length, &code);
  if (U_FAILURE(code)) return -1;
  UBool found = uregex_matches(re, 0, &code);
  if (U_FAILURE(code)) return -1;
  return found ? 1 : 0;
}
