// Locale display data from the system ICU (CLDR): the names of regions in every locale.
//
// Same conventions as quipu_icu.h: plain C types only, UTF-16 as `uint16_t`, ICU error
// codes as `int32_t` (<= 0 success, > 0 failure). Used by the pack generator (quipu-packs),
// never on the extraction path.
#ifndef QUIPU_ICU_LOCALE_H
#define QUIPU_ICU_LOCALE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The CLDR version of ICU's locale data, e.g. "42.0". Static storage.
const char *quipu_icu_cldr_version(void);

/// How many locales ICU has data for (uloc_countAvailable).
int32_t quipu_locale_count(void);
/// The id of available locale `index`, e.g. "es_PE". Static storage.
const char *quipu_locale_at(int32_t index);

/// The number of ISO 3166-1 alpha-2 codes ICU knows (uloc_getISOCountries).
int32_t quipu_region_count(void);
/// ISO 3166-1 alpha-2 code `index`, e.g. "PE". Static storage.
const char *quipu_region_at(int32_t index);

/// The display name of `region` ("PE") in `locale` ("fr") into `dst`, e.g. "Pérou".
/// Returns the name's length (which may exceed `capacity`). `*is_fallback` is set to 1 when
/// the locale had no name of its own and ICU fell back (to a parent locale, or to the code).
int32_t quipu_region_display_name(const char *region, const char *locale, uint16_t *dst,
                                  int32_t capacity, int *is_fallback, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
