/* Vietnamese number format (see vnnum.h). */
#include "vnnum.h"

#include <math.h>
#include <string.h>

static int isdig(char c) { return c >= '0' && c <= '9'; }

size_t rs_vnnum_scan(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && isdig(s[i])) i++;
  if (i == 0) return 0;
  while (i + 1 < n && (s[i] == '.' || s[i] == ',') && isdig(s[i + 1])) {
    i++;
    while (i < n && isdig(s[i])) i++;
  }
  return i;
}

/* Value of the digits of s[0..n) skipping separators. */
static double digits_value(const char *s, size_t n) {
  double v = 0;
  for (size_t i = 0; i < n; i++)
    if (isdig(s[i])) v = v * 10 + (s[i] - '0');
  return v;
}

int rs_vnnum_parse(const char *s, size_t n, rs_vnnum *o) {
  memset(o, 0, sizeof *o);
  if (n == 0 || !isdig(s[0])) return -1;
  size_t dots = 0, commas = 0, first_sep = n, last_sep = n;
  size_t gl[64], ng = 0, cur = 0;
  char seps[64];
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '.' || s[i] == ',') {
      if (ng >= 63) return -1;
      seps[ng] = s[i];
      gl[ng++] = cur;
      cur = 0;
      if (s[i] == '.') dots++;
      else commas++;
      if (first_sep == n) first_sep = i;
      last_sep = i;
    } else if (isdig(s[i])) {
      cur++;
    } else {
      return -1;
    }
  }
  gl[ng++] = cur;
  o->leading_zero = gl[0] > 1 && s[0] == '0';
  if (ng == 1) {
    o->value = digits_value(s, n);
    o->is_int = 1;
    return 0;
  }
  /* thousands groups: first 1-3 digits (not a lone 0), then groups of 3 */
  int thousands_ok = gl[0] >= 1 && gl[0] <= 3 && !(gl[0] == 1 && s[0] == '0') && !o->leading_zero;
  if (!dots || !commas) {
    char sep = dots ? '.' : ',';
    size_t nsep = ng - 1;
    int groups3 = thousands_ok;
    for (size_t g = 1; g < ng; g++)
      if (gl[g] != 3) groups3 = 0;
    double whole = digits_value(s, first_sep), frac_digits = (double)(n - last_sep - 1);
    double as_decimal = whole + digits_value(s + last_sep + 1, n - last_sep - 1) / pow(10, frac_digits);
    if (sep == '.') {
      if (groups3) {
        o->value = digits_value(s, n);
        o->is_int = 1;
        return 0;
      }
      if (nsep == 1) {
        o->value = as_decimal;
        o->decimals = (int)frac_digits;
        o->wrong = "decimal-point";
        return 0;
      }
      return -1;
    }
    /* commas */
    if (nsep == 1) {
      o->value = as_decimal;
      o->decimals = (int)frac_digits;
      if (groups3) {
        o->wrong = "thousands-comma";
        o->has_alt = 1;
        o->alt_value = digits_value(s, n);
      }
      return 0;
    }
    if (groups3) {
      o->value = digits_value(s, n);
      o->is_int = 1;
      o->wrong = "thousands-comma";
      return 0;
    }
    return -1;
  }
  /* both separators: exactly one of the kind that comes last, at the end */
  char lastc = s[last_sep];
  size_t nlast = 0;
  for (size_t g = 0; g + 1 < ng; g++)
    if (seps[g] == lastc) nlast++;
  if (nlast != 1 || !thousands_ok) return -1;
  for (size_t g = 1; g + 1 < ng; g++)
    if (gl[g] != 3) return -1;
  double frac_digits = (double)(n - last_sep - 1);
  o->value = digits_value(s, last_sep) + digits_value(s + last_sep + 1, n - last_sep - 1) / pow(10, frac_digits);
  o->decimals = (int)frac_digits;
  if (lastc == '.') o->wrong = "english";
  return 0;
}
