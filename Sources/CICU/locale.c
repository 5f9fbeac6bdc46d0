// Locale display data: thin wrappers over uloc_* and ulocdata_*.
#include "quipu_icu_locale.h"

#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>

const char *quipu_icu_cldr_version(void) {
  static char text[32];
  UVersionInfo version;
  UErrorCode code = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(version, &code);
  if (U_FAILURE(code)) return "unknown";
  u_versionToString(version, text);
  return text;
}

int32_t quipu_locale_count(void) { return uloc_countAvailable(); }

const char *quipu_locale_at(int32_t index) { return uloc_getAvailable(index); }

int32_t quipu_region_count(void) {
  const char *const *codes = uloc_getISOCountries();
  int32_t n = 0;
  while (codes[n]) n++;
  return n;
}

const char *quipu_region_at(int32_t index) { return uloc_getISOCountries()[index]; }

int32_t quipu_region_display_name(const char *region, const char *locale, uint16_t *dst,
                                  int32_t capacity, int *is_fallback, int32_t *status) {
  // uloc_getDisplayCountry wants a locale id whose region part is the region: "und_PE".
  char id[32] = "und_";
  strncat(id, region, sizeof id - 5);
  UErrorCode code = U_ZERO_ERROR;
  int32_t n = uloc_getDisplayCountry(id, locale, (UChar *)dst, capacity, &code);
  // U_USING_FALLBACK_WARNING / U_USING_DEFAULT_WARNING: the name is not the locale's own.
  *is_fallback = (code == U_USING_FALLBACK_WARNING || code == U_USING_DEFAULT_WARNING) ? 1 : 0;
  *status = code;
  return n;
}
