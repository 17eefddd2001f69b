/* Legacy Vietnamese encodings: TCVN3 (ABC, .VnTime fonts), VNI (VNI-Windows,
 * VNI-Times fonts) and Windows-1258.
 *
 * Both entry points work on "units": a byte (0..255) of the legacy text, or a
 * literal Unicode code point (>= 256) that cannot come from an 8-bit legacy
 * byte. Raw files give bytes; paragraph text read through a Latin-1 font (or
 * Windows-1252 mojibake) gives its code points <= 0xFF back as bytes.
 *
 * Detection: over the words that hold at least one byte >= 0x80 (candidates),
 * compare how many are valid Vietnamese syllables as Latin-1 text (before)
 * and after decoding with each encoding. A legacy encoding is reported only
 * when decoding turns a large majority of candidates into valid syllables and
 * clearly more than before, so Unicode Vietnamese (already valid) and
 * English/French text (no gain) never trigger it. */
#include "legacy.h"

#include "doc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Windows-1252, bytes 0x80-0xFF (undefined bytes map to themselves) */
static const uint16_t cp1252_hi[128] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, /* 0x88 */
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, /* 0x98 */
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, /* 0xA0 */
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, /* 0xA8 */
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, /* 0xB0 */
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, /* 0xB8 */
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* 0xC0 */
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, /* 0xC8 */
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, /* 0xD0 */
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF, /* 0xD8 */
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* 0xE0 */
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, /* 0xE8 */
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, /* 0xF0 */
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF, /* 0xF8 */
};

/* Windows-1258, bytes 0x80-0xFF: 0xCC 0xD2 0xDE 0xEC 0xF2 are combining tone marks */
static const uint16_t cp1258_hi[128] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
    0x02C6, 0x2030, 0x008A, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F, /* 0x88 */
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
    0x02DC, 0x2122, 0x009A, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178, /* 0x98 */
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, /* 0xA0 */
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, /* 0xA8 */
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, /* 0xB0 */
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, /* 0xB8 */
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* 0xC0 */
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, /* 0xC8 */
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, /* 0xD0 */
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, /* 0xD8 */
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* 0xE0 */
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, /* 0xE8 */
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, /* 0xF0 */
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF, /* 0xF8 */
};

/* TCVN3 (TCVN 5712:1993 VN3, ABC .VnTime): 0x80-0x9F as Windows-1252 (quotes, dashes),
 * 0xA1-0xFF the Vietnamese letters; 0xB0-0xB4 kept as Latin-1 */
static const uint16_t tcvn3_hi[128] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, /* 0x88 */
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, /* 0x98 */
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /* 0xA0 */
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, /* 0xA8 */
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00E0, 0x1EA3, 0x00E3, /* 0xB0 */
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, /* 0xB8 */
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, /* 0xC0 */
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, /* 0xC8 */
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* 0xD0 */
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, /* 0xD8 */
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /* 0xE0 */
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, /* 0xE8 */
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /* 0xF0 */
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, /* 0xF8 */
};


enum { ENC_TCVN3 = 0, ENC_VNI = 1, ENC_CP1258 = 2, NENC = 3 };

static const char *const enc_name[NENC] = {"tcvn3", "vni", "windows-1258"};
static const char *const enc_rule[NENC] = {"encoding/legacy-tcvn3", "encoding/legacy-vni",
                                           "encoding/legacy-windows-1258"};
static const char *const enc_label[NENC] = {
    "bảng mã cũ TCVN3 (ABC, phông chữ .VnTime)",
    "bảng mã cũ VNI (phông chữ VNI-Times)",
    "bảng mã Windows-1258 (CP1258, dấu thanh tổ hợp)",
};

/* ---- code point vectors with the unit each code point came from ---- */

typedef struct cpvec {
  int32_t *cp;
  uint32_t *src;
  size_t n, cap;
} cpvec;

static int cv_push(cpvec *v, int32_t cp, uint32_t src) {
  if (v->n == v->cap) {
    size_t nc = v->cap ? v->cap * 2 : 64;
    int32_t *ncp = realloc(v->cp, nc * sizeof *ncp);
    if (!ncp) return RS_ENOMEM;
    v->cp = ncp;
    uint32_t *ns = realloc(v->src, nc * sizeof *ns);
    if (!ns) return RS_ENOMEM;
    v->src = ns;
    v->cap = nc;
  }
  v->cp[v->n] = cp;
  v->src[v->n] = src;
  v->n++;
  return 0;
}

static void cv_free(cpvec *v) {
  free(v->cp);
  free(v->src);
  memset(v, 0, sizeof *v);
}

/* Push the NFC form of base + combining marks; every resulting code point
 * comes from unit src. */
static int push_nfc(cpvec *v, const int32_t *cps, int n, uint32_t src) {
  char buf[32];
  size_t len = 0;
  for (int i = 0; i < n && len + 4 <= sizeof buf; i++) len += (size_t)rs_utf8_encode(cps[i], buf + len);
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (r < 0) {
    for (int i = 0; i < n; i++)
      if (cv_push(v, cps[i], src)) return RS_ENOMEM;
    return 0;
  }
  int rc = 0;
  for (utf8proc_ssize_t i = 0; i < r && rc == 0;) {
    int32_t c;
    int l = rs_utf8_decode(nfc + i, (size_t)(r - i), &c);
    if (l < 0) break;
    rc = cv_push(v, c, src);
    i += l;
  }
  free(nfc);
  return rc;
}

static int32_t byte_cp(const uint16_t *hi, int32_t u) {
  if (u < 0x80 || u > 0xFF) return u;
  return hi[u - 0x80];
}

static int is_ascii_alpha(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int is_letter_cp(int32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  utf8proc_category_t k = utf8proc_category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME;
}

/* A unit that belongs to a word: ASCII letters, bytes 0xA1-0xFF (letters in
 * one legacy encoding or another) and literal letters/marks. Bytes 0x80-0xA0
 * are Windows-1252 punctuation (quotes, dashes) or no-break space. */
static int is_word_unit(int32_t u) {
  if (u < 0x80) return is_ascii_alpha(u);
  if (u <= 0xA0) return 0;
  if (u <= 0xFF) return 1;
  return is_letter_cp(u);
}

/* ---- decoders: units[0..n) -> composed code points ---- */

static int dec_tcvn3(const int32_t *u, size_t n, cpvec *o) {
  size_t base = o->n;
  for (size_t i = 0; i < n; i++)
    if (cv_push(o, byte_cp(tcvn3_hi, u[i]), (uint32_t)i)) return RS_ENOMEM;
  /* .VnTimeH and friends show the lower-case codes as capitals: a word whose
   * ASCII letters are all capitals (two or more, or on an all-capitals line)
   * is upper case throughout. */
  size_t ls = 0;
  while (ls < n) {
    size_t le = ls;
    while (le < n && u[le] != '\n') le++;
    size_t up = 0, low = 0;
    for (size_t i = ls; i < le; i++) {
      if (u[i] >= 'A' && u[i] <= 'Z') up++;
      else if (u[i] >= 'a' && u[i] <= 'z') low++;
    }
    int caps_line = up >= 4 && up * 10 >= (up + low) * 9;
    size_t i = ls;
    while (i < le) {
      if (!is_word_unit(u[i])) {
        i++;
        continue;
      }
      size_t ws = i, wu = 0, wl = 0, conv = 0;
      while (i < le && is_word_unit(u[i])) {
        if (u[i] >= 'A' && u[i] <= 'Z') wu++;
        else if (u[i] >= 'a' && u[i] <= 'z') wl++;
        else if (u[i] >= 0x80 && u[i] <= 0xFF) conv++;
        i++;
      }
      if (conv && wl == 0 && (wu >= 2 || caps_line)) {
        for (size_t k = ws; k < i; k++)
          if (u[k] >= 0x80 && u[k] <= 0xFF) o->cp[base + k] = utf8proc_toupper(o->cp[base + k]);
      }
    }
    ls = le + 1;
  }
  return 0;
}

/* VNI: a tone byte after a vowel. Returns the combining mark or 0. */
static int32_t vni_tone(int32_t b) {
  switch (b) {
  case 0xF9: case 0xD9: return 0x0301; /* ù Ù  sắc */
  case 0xF8: case 0xD8: return 0x0300; /* ø Ø  huyền */
  case 0xFB: case 0xDB: return 0x0309; /* û Û  hỏi */
  case 0xF5: case 0xD5: return 0x0303; /* õ Õ  ngã */
  case 0xEF: case 0xCF: return 0x0323; /* ï Ï  nặng */
  default: return 0;
  }
}

/* VNI: circumflex (after a, e, o) with a tone: returns 1 and the tone (0 for
 * none) when b is one. */
static int vni_circ(int32_t b, int32_t *tone) {
  switch (b) {
  case 0xE2: case 0xC2: *tone = 0; return 1;      /* â Â */
  case 0xE1: case 0xC1: *tone = 0x0301; return 1; /* á Á */
  case 0xE0: case 0xC0: *tone = 0x0300; return 1; /* à À */
  case 0xE5: case 0xC5: *tone = 0x0309; return 1; /* å Å */
  case 0xE3: case 0xC3: *tone = 0x0303; return 1; /* ã Ã */
  case 0xE4: case 0xC4: *tone = 0x0323; return 1; /* ä Ä */
  default: return 0;
  }
}

/* VNI: breve (after a) with a tone. */
static int vni_breve(int32_t b, int32_t *tone) {
  switch (b) {
  case 0xEA: case 0xCA: *tone = 0; return 1;      /* ê Ê */
  case 0xE9: case 0xC9: *tone = 0x0301; return 1; /* é É */
  case 0xE8: case 0xC8: *tone = 0x0300; return 1; /* è È */
  case 0xFA: case 0xDA: *tone = 0x0309; return 1; /* ú Ú */
  case 0xFC: case 0xDC: *tone = 0x0303; return 1; /* ü Ü */
  case 0xEB: case 0xCB: *tone = 0x0323; return 1; /* ë Ë */
  default: return 0;
  }
}

/* VNI: letters written with one byte. */
static int32_t vni_single(int32_t b) {
  switch (b) {
  case 0xF4: return 0x01A1; /* ô -> ơ */
  case 0xD4: return 0x01A0;
  case 0xF6: return 0x01B0; /* ö -> ư */
  case 0xD6: return 0x01AF;
  case 0xED: return 0x00ED; /* í */
  case 0xCD: return 0x00CD;
  case 0xEC: return 0x00EC; /* ì */
  case 0xCC: return 0x00CC;
  case 0xE6: return 0x1EC9; /* æ -> ỉ */
  case 0xC6: return 0x1EC8;
  case 0xF3: return 0x0129; /* ó -> ĩ */
  case 0xD3: return 0x0128;
  case 0xF2: return 0x1ECB; /* ò -> ị */
  case 0xD2: return 0x1ECA;
  case 0xEE: return 0x1EF5; /* î -> ỵ */
  case 0xCE: return 0x1EF4;
  case 0xF1: return 0x0111; /* ñ -> đ */
  case 0xD1: return 0x0110;
  default: return 0;
  }
}

static int dec_vni(const int32_t *u, size_t n, cpvec *o) {
  size_t i = 0;
  while (i < n) {
    int32_t x = u[i];
    if (x > 0xFF) {
      if (cv_push(o, x, (uint32_t)i)) return RS_ENOMEM;
      i++;
      continue;
    }
    int32_t base = 0;
    if (x < 0x80 && strchr("aeouyAEOUY", (int)x) && x != 0) base = x;
    else {
      int32_t s = vni_single(x);
      if (s == 0x01A1 || s == 0x01A0 || s == 0x01B0 || s == 0x01AF) base = s;
      else if (s) {
        if (cv_push(o, s, (uint32_t)i)) return RS_ENOMEM;
        i++;
        continue;
      }
    }
    if (!base) {
      if (cv_push(o, byte_cp(cp1252_hi, x), (uint32_t)i)) return RS_ENOMEM;
      i++;
      continue;
    }
    int32_t cps[3];
    int nc = 0;
    cps[nc++] = base;
    size_t j = i + 1;
    if (j < n && u[j] <= 0xFF) {
      int32_t y = u[j], tone = 0;
      int lower = base | 0x20;
      if ((lower == 'a' || lower == 'e' || lower == 'o') && vni_circ(y, &tone)) {
        cps[nc++] = 0x0302;
        if (tone) cps[nc++] = tone;
        j++;
      } else if (lower == 'a' && vni_breve(y, &tone)) {
        cps[nc++] = 0x0306;
        if (tone) cps[nc++] = tone;
        j++;
      } else if ((tone = vni_tone(y)) != 0) {
        cps[nc++] = tone;
        j++;
      }
    }
    if (nc == 1) {
      if (cv_push(o, base, (uint32_t)i)) return RS_ENOMEM;
    } else if (push_nfc(o, cps, nc, (uint32_t)i)) {
      return RS_ENOMEM;
    }
    i = j;
  }
  return 0;
}

static int is_tone_mark(int32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

static int dec_cp1258(const int32_t *u, size_t n, cpvec *o) {
  size_t start = o->n;
  for (size_t i = 0; i < n; i++) {
    int32_t c = byte_cp(cp1258_hi, u[i]);
    if (is_tone_mark(c) && o->n > start && is_letter_cp(o->cp[o->n - 1])) {
      int32_t pair[2] = {o->cp[o->n - 1], c};
      uint32_t src = o->src[o->n - 1];
      o->n--;
      if (push_nfc(o, pair, 2, src)) return RS_ENOMEM;
      continue;
    }
    if (cv_push(o, c, (uint32_t)i)) return RS_ENOMEM;
  }
  return 0;
}

static int decode_units(int enc, const int32_t *u, size_t n, cpvec *o) {
  switch (enc) {
  case ENC_TCVN3: return dec_tcvn3(u, n, o);
  case ENC_VNI: return dec_vni(u, n, o);
  default: return dec_cp1258(u, n, o);
  }
}

/* ---- Vietnamese syllable shape ---- */

/* Toneless letters as one byte each: a-z, and 1 ă, 2 â, 3 ê, 4 ô, 5 ơ, 6 ư, 7 đ.
 * The lists keep their lengths so matching needs no strlen. */
typedef struct lstr {
  const char *s;
  size_t n;
} lstr;
#define L(x) {x, sizeof(x) - 1}

static int in_list(const char *s, size_t n, const lstr *list) {
  for (; list->s; list++)
    if (list->n == n && (n == 0 || list->s[0] == s[0]) && memcmp(list->s, s, n) == 0) return 1;
  return 0;
}

static const lstr nuclei[] = {
    L("a"),   L("1"),   L("2"),   L("e"),   L("3"),   L("i"),   L("o"),   L("4"),   L("5"),   L("u"),
    L("6"),   L("y"),   L("ai"),  L("ao"),  L("au"),  L("ay"),  L("2u"),  L("2y"),  L("eo"),  L("3u"),
    L("ia"),  L("i3"),  L("iu"),  L("oa"),  L("o1"),  L("oe"),  L("oi"),  L("oo"),  L("4i"),  L("5i"),
    L("ua"),  L("u2"),  L("u3"),  L("ui"),  L("u4"),  L("u5"),  L("uy"),  L("6a"),  L("6i"),  L("65"),
    L("6u"),  L("y3"),  L("i3u"), L("y3u"), L("oai"), L("oao"), L("oay"), L("oeo"), L("u2y"), L("u4i"),
    L("65i"), L("65u"), L("uya"), L("uy3"), L("uyu"), {NULL, 0}};
/* end in a semivowel: no final consonant may follow */
static const lstr open_only[] = {
    L("ai"),  L("ao"),  L("au"),  L("ay"),  L("2u"),  L("2y"),  L("eo"),  L("3u"),  L("ia"),  L("iu"),
    L("oi"),  L("4i"),  L("5i"),  L("ua"),  L("ui"),  L("6a"),  L("6i"),  L("6u"),  L("i3u"), L("y3u"),
    L("oai"), L("oao"), L("oay"), L("oeo"), L("u2y"), L("u4i"), L("65i"), L("65u"), L("uya"), L("uyu"),
    {NULL, 0}};
/* need a final consonant */
static const lstr closed_only[] = {L("1"),  L("2"),   L("i3"), L("y3"), L("u4"),
                                   L("65"), L("uy3"), L("o1"), L("u2"), {NULL, 0}};
static const lstr finals[] = {L("ch"), L("nh"), L("ng"), L("c"), L("m"), L("n"),
                              L("p"),  L("t"),  L(""),   {NULL, 0}};
static const lstr initials[] = {L("ngh"), L("gh"), L("gi"), L("kh"), L("ng"), L("nh"), L("ph"), L("qu"),
                                L("th"),  L("tr"), L("ch"), L("b"),  L("c"),  L("d"),  L("7"),  L("g"),
                                L("h"),   L("k"),  L("l"),  L("m"),  L("n"),  L("p"),  L("r"),  L("s"),
                                L("t"),   L("v"),  L("x"),  L(""),   {NULL, 0}};
#undef L

static int rhyme_ok(const char *s, size_t n, int32_t tone) {
  for (const lstr *f = finals; f->s; f++) {
    size_t fl = f->n;
    if (fl >= n || (fl && s[n - 1] != f->s[fl - 1]) || memcmp(s + n - fl, f->s, fl) != 0) continue;
    size_t vl = n - fl;
    if (!in_list(s, vl, nuclei)) continue;
    if (fl && in_list(s, vl, open_only)) continue;
    if (!fl && in_list(s, vl, closed_only)) continue;
    if (fl && (s[n - 1] == 'c' || s[n - 1] == 'h' || s[n - 1] == 'p' || s[n - 1] == 't') &&
        strcmp(f->s, "nh") != 0 && tone != 0x0301 && tone != 0x0323)
      continue; /* checked syllables (-c -ch -p -t) take sắc or nặng */
    return 1;
  }
  return 0;
}

/* One code point of a syllable, reduced to its toneless letter byte (see
 * above) and its tone: bits 0-7 the letter (0: cannot be in a syllable),
 * bits 8-10 the tone (0 none, else index into tone_cp). */
static const int32_t tone_cp[6] = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

static uint16_t vchar_info(int32_t cp) {
  utf8proc_int32_t d[8];
  int bc = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(utf8proc_tolower(cp), d, 8, UTF8PROC_DECOMPOSE, &bc);
  if (k < 1 || k > 8) return 0;
  int32_t b = d[0];
  int circ = 0, breve = 0, horn = 0;
  unsigned tone = 0;
  for (utf8proc_ssize_t m = 1; m < k; m++) {
    if (d[m] == 0x0302) circ = 1;
    else if (d[m] == 0x0306) breve = 1;
    else if (d[m] == 0x031B) horn = 1;
    else if (is_tone_mark(d[m])) {
      if (tone) return 0; /* two tones */
      for (unsigned t = 1; t < 6; t++)
        if (tone_cp[t] == d[m]) tone = t;
    } else return 0;
  }
  char c;
  if (b == 0x0111) c = '7';
  else if (b < 'a' || b > 'z' || b == 'f' || b == 'j' || b == 'w' || b == 'z') return 0;
  else c = (char)b;
  if (circ + breve + horn > 1) return 0;
  if (circ) c = c == 'a' ? '2' : c == 'e' ? '3' : c == 'o' ? '4' : 0;
  else if (breve) c = c == 'a' ? '1' : 0;
  else if (horn) c = c == 'o' ? '5' : c == 'u' ? '6' : 0;
  if (!c) return 0;
  if (tone && !strchr("aeiouy123456", c)) return 0;
  return (uint16_t)((unsigned char)c | (tone << 8));
}

/* vchar_info and is_letter_cp cached for Latin (U+0000-U+024F) and Latin
 * Extended Additional (U+1E00-U+1EFF), where all Vietnamese letters live;
 * other code points take the slow path, so results are the same. */
#define VLAT_N 0x250
#define VEXT_LO 0x1E00
#define VEXT_N 0x100
static uint16_t vinfo_lat[VLAT_N], vinfo_ext[VEXT_N];
static unsigned char vletter_lat[VLAT_N], vletter_ext[VEXT_N];
static pthread_once_t vinfo_once = PTHREAD_ONCE_INIT;

static void vinfo_init(void) {
  for (int32_t c = 0; c < VLAT_N; c++) {
    vinfo_lat[c] = vchar_info(c);
    vletter_lat[c] = (unsigned char)is_letter_cp(c);
  }
  for (int32_t c = 0; c < VEXT_N; c++) {
    vinfo_ext[c] = vchar_info(VEXT_LO + c);
    vletter_ext[c] = (unsigned char)is_letter_cp(VEXT_LO + c);
  }
}

static uint16_t vchar(int32_t cp) {
  if (cp >= 0 && cp < VLAT_N) return vinfo_lat[cp];
  if (cp >= VEXT_LO && cp < VEXT_LO + VEXT_N) return vinfo_ext[cp - VEXT_LO];
  return vchar_info(cp);
}

/* is_word_unit with the cached letter tables (vinfo_once must have run). */
static int word_unit_fast(int32_t u) {
  if (u < 0x80) return is_ascii_alpha(u);
  if (u <= 0xA0) return 0;
  if (u <= 0xFF) return 1;
  if (u < VLAT_N) return vletter_lat[u];
  if (u >= VEXT_LO && u < VEXT_LO + VEXT_N) return vletter_ext[u - VEXT_LO];
  return is_letter_cp(u);
}

/* 1 when the code points form one Vietnamese syllable (any case). */
static int viet_syllable(const int32_t *cp, size_t n) {
  char s[12];
  size_t len = 0;
  unsigned tone = 0;
  if (n == 0 || n > 10) return 0;
  pthread_once(&vinfo_once, vinfo_init);
  for (size_t i = 0; i < n; i++) {
    uint16_t v = vchar(cp[i]);
    if (!v) return 0;
    unsigned t = (unsigned)(v >> 8);
    if (t) {
      if (tone) return 0;
      tone = t;
    }
    s[len++] = (char)(v & 0xFF);
  }
  for (const lstr *in = initials; in->s; in++) {
    size_t il = in->n;
    if (il >= len || (il && s[0] != in->s[0]) || memcmp(s, in->s, il) != 0) continue;
    if (rhyme_ok(s + il, len - il, tone_cp[tone])) return 1;
  }
  return 0;
}

/* ---- scoring ---- */

typedef struct lscore {
  size_t cand, before, after[NENC];
} lscore;

static void score_add(lscore *a, const lscore *b) {
  a->cand += b->cand;
  a->before += b->before;
  for (int e = 0; e < NENC; e++) a->after[e] += b->after[e];
}

static int score_units(const int32_t *u, size_t n, lscore *s, cpvec *tmp) {
  size_t i = 0;
  while (i < n) {
    if (!is_word_unit(u[i])) {
      i++;
      continue;
    }
    size_t ws = i;
    int high = 0, literal = 0;
    while (i < n && is_word_unit(u[i])) {
      if (u[i] >= 0x80 && u[i] <= 0xFF) high = 1;
      else if (u[i] > 0xFF) literal = 1;
      i++;
    }
    if (!high || literal) continue;
    s->cand++;
    tmp->n = 0;
    for (size_t k = ws; k < i; k++)
      if (cv_push(tmp, byte_cp(cp1252_hi, u[k]), 0)) return RS_ENOMEM;
    if (viet_syllable(tmp->cp, tmp->n)) s->before++;
    for (int e = 0; e < NENC; e++) {
      tmp->n = 0;
      if (decode_units(e, u + ws, i - ws, tmp)) return RS_ENOMEM;
      if (viet_syllable(tmp->cp, tmp->n)) s->after[e]++;
    }
  }
  return 0;
}

/* The encoding the text is in, or -1. */
static int pick_encoding(const lscore *s) {
  int best = 0;
  for (int e = 1; e < NENC; e++)
    if (s->after[e] > s->after[best]) best = e;
  size_t a = s->after[best];
  if (s->cand < 3) return -1;
  if (a * 10 < s->cand * 7) return -1;               /* at least 70% valid after */
  if (a <= s->before || (a - s->before) * 10 < s->cand * 3) return -1; /* and 30% more */
  return best;
}

/* ---- raw bytes ---- */

static int units_from_bytes(const unsigned char *b, size_t n, int32_t **u, size_t *cap) {
  if (n > *cap) {
    int32_t *nu = realloc(*u, n * sizeof *nu);
    if (!nu) return RS_ENOMEM;
    *u = nu;
    *cap = n;
  }
  for (size_t i = 0; i < n; i++) (*u)[i] = b[i];
  return 0;
}

const char *rs_legacy_decode_bytes(const char *bytes, size_t n, char **out, size_t *outlen) {
  *out = NULL;
  *outlen = 0;
  if (!bytes || n == 0) return NULL;
  const unsigned char *b = (const unsigned char *)bytes;
  for (size_t i = 0; i < n; i++)
    if (b[i] == 0) return NULL; /* binary, or UTF-16 */
  int32_t *u = NULL;
  size_t ucap = 0;
  cpvec tmp = {0}, o = {0};
  lscore sc = {0};
  const char *name = NULL;
  char *res = NULL;
  /* score line by line to bound memory */
  for (size_t ls = 0; ls < n;) {
    size_t le = ls;
    while (le < n && b[le] != '\n') le++;
    if (le > ls) {
      if (units_from_bytes(b + ls, le - ls, &u, &ucap) || score_units(u, le - ls, &sc, &tmp)) goto done;
    }
    ls = le + 1;
  }
  int enc = pick_encoding(&sc);
  if (enc < 0) goto done;
  size_t cap = n + n / 2 + 16, len = 0;
  res = malloc(cap);
  if (!res) goto done;
  for (size_t ls = 0; ls < n;) {
    size_t le = ls;
    while (le < n && b[le] != '\n') le++;
    o.n = 0;
    if (le > ls && (units_from_bytes(b + ls, le - ls, &u, &ucap) || decode_units(enc, u, le - ls, &o))) {
      free(res);
      res = NULL;
      goto done;
    }
    if (le < n && cv_push(&o, '\n', 0)) {
      free(res);
      res = NULL;
      goto done;
    }
    for (size_t k = 0; k < o.n; k++) {
      if (len + 5 > cap) {
        cap *= 2;
        char *nr = realloc(res, cap);
        if (!nr) {
          free(res);
          res = NULL;
          goto done;
        }
        res = nr;
      }
      len += (size_t)rs_utf8_encode(o.cp[k], res + len);
    }
    ls = le + 1;
  }
  res[len] = 0;
  *out = res;
  *outlen = len;
  name = enc_name[enc];
done:
  free(u);
  cv_free(&tmp);
  cv_free(&o);
  return name;
}

/* ---- paragraphs of a document ---- */

/* Windows-1252 byte for a code point (0 when none): text read through a
 * Latin-1 font keeps bytes <= 0xFF; 0x80-0x9F often come back as cp1252. */
static int32_t unit_for_cp(int32_t c) {
  if (c <= 0xFF) return c;
  /* the entries of cp1252_hi[0..31] above 0xFF lie in 0x0152-0x02DC and
   * 0x2013-0x2122: skip the search elsewhere (the Vietnamese letters of
   * U+1EA0-U+1EF9, ă đ ĩ) */
  if (c < 0x0152 || (c > 0x02DC && c < 0x2013) || c > 0x2122) return c;
  for (int k = 0; k < 32; k++)
    if (cp1252_hi[k] == c) return 0x80 + k;
  return c;
}

/* Units of a paragraph and the byte offset of each in the text. */
static int para_units(const rs_para *p, int32_t **u, uint32_t **off, size_t *nu) {
  size_t cap = p->ncp + 1;
  *u = malloc(cap * sizeof **u);
  *off = malloc((cap + 1) * sizeof **off);
  if (!*u || !*off) return RS_ENOMEM;
  size_t k = 0;
  for (size_t i = 0; i < p->len && k < cap;) {
    int32_t c;
    int l = rs_utf8_decode((const unsigned char *)p->text + i, p->len - i, &c);
    if (l < 0) {
      c = 0xFFFD;
      l = 1;
    }
    (*u)[k] = unit_for_cp(c);
    (*off)[k] = (uint32_t)i;
    k++;
    i += (size_t)l;
  }
  (*off)[k] = (uint32_t)p->len;
  *nu = k;
  return 0;
}

static uint32_t map_off(uint32_t old, const uint32_t *uoff, const uint32_t *noff, size_t nu) {
  /* first unit whose old byte offset is >= old */
  size_t lo = 0, hi = nu;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (uoff[mid] < old) lo = mid + 1;
    else hi = mid;
  }
  return noff[lo];
}

static int convert_para(rs_doc *d, size_t pi, int enc, rs_doc *scratch) {
  rs_para *p = &d->paras[pi];
  int32_t *u = NULL;
  uint32_t *uoff = NULL, *noff = NULL;
  size_t nu = 0;
  cpvec o = {0};
  rs_pbuild b;
  rs_pbuild_init(&b);
  int rc = RS_ENOMEM;
  if (para_units(p, &u, &uoff, &nu) || decode_units(enc, u, nu, &o)) goto out;
  noff = malloc((nu + 1) * sizeof *noff);
  if (!noff) goto out;
  for (size_t k = 0; k <= nu; k++) noff[k] = UINT32_MAX;
  uint32_t nlen = 0;
  for (size_t k = 0; k < o.n; k++) {
    char buf[4];
    int l = rs_utf8_encode(o.cp[k], buf);
    uint32_t src = o.src[k];
    if (noff[src] == UINT32_MAX) noff[src] = nlen;
    uint32_t line, col;
    rs_para_pos(p, uoff[src], &line, &col);
    if (rs_pbuild_append_at(&b, buf, (size_t)l, line, col)) goto out;
    nlen += (uint32_t)l;
  }
  noff[nu] = nlen;
  for (size_t k = nu; k-- > 0;)
    if (noff[k] == UINT32_MAX) noff[k] = noff[k + 1];
  scratch->npara = 0;
  rs_para *np = rs_doc_add_para(scratch, &b);
  if (!np) goto out;
  for (size_t r = 0; r < p->nruns; r++) {
    rs_run *run = &p->runs[r];
    run->start = map_off(run->start, uoff, noff, nu);
    run->end = map_off(run->end, uoff, noff, nu);
    if (run->start > np->len) run->start = (uint32_t)np->len;
    if (run->end > np->len) run->end = (uint32_t)np->len;
  }
  free(p->text);
  free(p->segs);
  p->text = np->text;
  p->len = np->len;
  p->ncp = np->ncp;
  p->segs = np->segs;
  p->nsegs = np->nsegs;
  np->text = NULL;
  np->segs = NULL;
  np->nsegs = 0;
  scratch->npara = 0;
  rc = 0;
out:
  free(u);
  free(uoff);
  free(noff);
  cv_free(&o);
  rs_pbuild_free(&b);
  return rc;
}

/* Pre-check for rs_legacy_convert_doc: the candidates (words with a unit
 * 0x80-0xFF and none above 0xFF) of a paragraph and how many of them are
 * already valid syllables as Latin-1 text, i.e. lscore.cand and .before,
 * computed exactly as para_units + score_units do but without allocating
 * and without decoding in the three legacy encodings. */
static void prescore_para(const rs_para *p, size_t *cand, size_t *before) {
  const unsigned char *s = (const unsigned char *)p->text;
  size_t cap = (size_t)p->ncp + 1, k = 0, wn = 0;
  int32_t w[11];
  int inword = 0, high = 0, literal = 0;
  for (size_t i = 0; i < p->len && k < cap; k++) {
    int32_t u;
    if (s[i] < 0x80) {
      u = s[i];
      i++;
    } else {
      int32_t c;
      int l = rs_utf8_decode(s + i, p->len - i, &c);
      if (l < 0) {
        c = 0xFFFD;
        l = 1;
      }
      i += (size_t)l;
      u = unit_for_cp(c);
    }
    if (word_unit_fast(u)) {
      if (!inword) {
        inword = 1;
        wn = 0;
        high = literal = 0;
      }
      if (u >= 0x80 && u <= 0xFF) high = 1;
      else if (u > 0xFF) literal = 1;
      if (wn < 11) w[wn] = u;
      wn++;
      continue;
    }
    if (inword && high && !literal) {
      (*cand)++;
      /* word units <= 0xFF are ASCII letters or 0xA1-0xFF: byte_cp keeps them */
      if (wn <= 10 && viet_syllable(w, wn)) (*before)++;
    }
    inword = 0;
  }
  if (inword && high && !literal) {
    (*cand)++;
    if (wn <= 10 && viet_syllable(w, wn)) (*before)++;
  }
}

const char *rs_legacy_convert_doc(rs_doc *d) {
  if (!d || d->npara == 0) return NULL;
  /* Exact pre-check. pick_encoding needs cand >= 3 and after - before >=
   * 30% of cand, and after <= cand (one count per candidate at most), so
   * when cand - before < 30% of cand no encoding can be picked. Clean
   * Unicode Vietnamese is that case: its Latin-1-only words (hành, Báo)
   * are already valid syllables. Then the three legacy decodes per word
   * are skipped; the answer is the same. */
  pthread_once(&vinfo_once, vinfo_init);
  size_t pc = 0, pb = 0;
  for (size_t i = 0; i < d->npara; i++) prescore_para(&d->paras[i], &pc, &pb);
  if (pc < 3 || (pc - pb) * 10 < pc * 3) return NULL;
  lscore total = {0};
  lscore *ps = calloc(d->npara, sizeof *ps);
  cpvec tmp = {0};
  const char *name = NULL;
  rs_doc *scratch = NULL;
  if (!ps) return NULL;
  for (size_t i = 0; i < d->npara; i++) {
    int32_t *u = NULL;
    uint32_t *off = NULL;
    size_t nu = 0;
    int e = para_units(&d->paras[i], &u, &off, &nu);
    if (!e) e = score_units(u, nu, &ps[i], &tmp);
    free(u);
    free(off);
    if (e) goto done;
    score_add(&total, &ps[i]);
  }
  int enc = pick_encoding(&total);
  if (enc < 0) goto done;
  scratch = rs_doc_new(NULL, "txt");
  if (!scratch) goto done;
  long first = -1;
  for (size_t i = 0; i < d->npara; i++) {
    if (ps[i].cand == 0 || ps[i].after[enc] <= ps[i].before) continue;
    if (convert_para(d, i, enc, scratch)) goto done;
    if (first < 0) first = (long)i;
  }
  if (first < 0) goto done;
  rs_diag *g = rs_diags_add(&d->diags, enc_rule[enc], RS_SEV_WARNING,
                            "Văn bản dùng %s: nội dung đã được chuyển sang Unicode để kiểm tra. "
                            "Hãy chuyển mã và lưu lại tệp bằng bảng mã Unicode theo TCVN 6909:2001 "
                            "(phông chữ Times New Roman).",
                            enc_label[enc]);
  if (g) {
    const rs_para *p = &d->paras[first];
    uint32_t end = 0, cps = 0;
    while (end < p->len && cps < 60) {
      end++;
      while (end < p->len && ((unsigned char)p->text[end] & 0xC0) == 0x80) end++;
      cps++;
    }
    rs_diag_locate(g, d, (int)first, 0, end);
  }
  d->encoding = enc_name[enc];
  name = enc_name[enc];
done:
  free(ps);
  cv_free(&tmp);
  if (scratch) rs_doc_free(scratch);
  return name;
}
