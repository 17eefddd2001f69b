/* Vietnamese number format: '.' groups thousands, ',' marks decimals
 * ("1.395", "114,07", "27.869.168.372"). Also reads the formats people get
 * wrong and says how ("357.95", "1,395", "1,234.5"). */
#ifndef RS_VNNUM_H
#define RS_VNNUM_H

#include <stddef.h>

typedef struct rs_vnnum {
  double value;      /* the reading under the Vietnamese convention, or the likely one */
  double alt_value;  /* the other reading when ambiguous (has_alt) */
  int decimals;      /* digits after the decimal separator of the reading in value */
  int has_alt;
  int is_int;        /* no decimal part in value's reading */
  int leading_zero;  /* "09", "01" */
  /* NULL when well formed; else "decimal-point" (357.95), "thousands-comma"
   * (1,395 or 1,234,567), "english" (1,234.5) */
  const char *wrong;
} rs_vnnum;

/* Length of the number token at s: digits, then ('.'|',') digits repeated
 * (a separator not followed by a digit ends the token). 0 if s is not a digit. */
size_t rs_vnnum_scan(const char *s, size_t n);

/* Parse a token (as returned by rs_vnnum_scan). Returns 0, or -1 when it is
 * not a number (section numbers "1.2.3", mixed groups). */
int rs_vnnum_parse(const char *s, size_t n, rs_vnnum *out);

#endif
