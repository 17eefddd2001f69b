/* The .txt reader's binary check (reader_txt.c binary_check, which skips
 * eight clean bytes at a time) must say exactly what the byte loop says:
 * the same verdict and the same message (NUL count, first NUL offset,
 * share of control characters) for text with NULs, control characters and
 * DEL at every position and alignment, around the 10% threshold, with and
 * without a BOM. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "readers.h"

/* the byte loop, as the reference (UTF-8 input) */
static int is_ctrl(unsigned c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F; }

static char *ref_check(const unsigned char *s, size_t n) {
  size_t ctrl = 0, nul = 0, nul_even = 0, first_nul = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == 0) {
      if (nul++ == 0) first_nul = i;
      if (i % 2 == 0) nul_even++;
    }
    if (s[i] < 0x20 || s[i] == 0x7F) ctrl += (size_t)is_ctrl(s[i]);
  }
  if (nul) {
    if (nul * 4 >= n && (nul_even * 10 >= nul * 9 || nul_even * 10 <= nul))
      return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): có %zu byte NUL, có thể là UTF-16 không có "
                        "BOM; hãy lưu lại tệp dưới dạng UTF-8",
                        nul);
    return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): có byte NUL ở vị trí %zu; hãy kiểm tra lại tệp "
                      "hoặc lưu lại dưới dạng văn bản thuần UTF-8",
                      first_nul);
  }
  if (n > 0 && ctrl * 10 > n)
    return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): %zu%% số ký tự là ký tự điều khiển; hãy kiểm "
                      "tra lại tệp hoặc lưu lại dưới dạng văn bản thuần UTF-8",
                      ctrl * 100 / n);
  return NULL;
}

static uint64_t rng = 0x2545F4914F6CDD1Du;
static unsigned rnd(unsigned m) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % m);
}

static const unsigned char specials[] = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xE1};

static void check(const unsigned char *s, size_t n) {
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_txt_buffer("t.txt", (const char *)s, n, RS_TXT_AUTO, NULL, &d, &err);
  size_t skip = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
  char *want = ref_check(s + skip, n - skip);
  if (want) {
    assert_int_equal(rc, RS_EFORMAT);
    assert_non_null(err);
    assert_string_equal(err, want);
  } else {
    /* not binary: read (perhaps as a legacy encoding), or failing for
     * another reason than binary input */
    assert_true(rc == 0 || !err || strstr(err, "nhị phân") == NULL);
  }
  free(want);
  free(err);
  if (d) rs_doc_free(d);
}

static void test_random_buffers(void **state) {
  (void)state;
  unsigned char buf[300 + 8];
  static const char text[] = "Ủy ban nhân dân xã Đình Cao báo cáo kết quả 6 tháng đầu năm 2023.\n";
  for (int t = 0; t < 20000; t++) {
    size_t n = rnd(300), off = rnd(8);
    unsigned char *s = buf + off;
    int bom = rnd(4) == 0 && n >= 3;
    for (size_t i = 0; i < n; i++) s[i] = (unsigned char)text[(i + (size_t)t) % (sizeof text - 1)];
    if (bom) s[0] = 0xEF, s[1] = 0xBB, s[2] = 0xBF;
    /* a few specials, or many (around the 10% threshold), or NUL-heavy */
    unsigned mode = rnd(4);
    size_t k = mode == 0 ? rnd(3) : mode == 1 ? n / 12 + rnd(n / 20 + 2) : mode == 2 ? rnd(n + 1) : n / 2;
    for (size_t j = 0; j < k && n > 3; j++) {
      size_t at = 3 + rnd((unsigned)(n - 3));
      s[at] = mode == 3 ? 0 : specials[rnd(sizeof specials)];
      if (mode == 3 && at + 1 < n && rnd(2)) s[at + 1] = 0;
    }
    check(s, n);
  }
}

static void test_edges(void **state) {
  (void)state;
  static const char *const cases[] = {"", "a", "abcdefgh", "abcdefg\x7f", "\x7f" "bcdefgh", "abcdefgh\x01",
                                      "\x01\x01", "ab\tcd\fef\r\ngh", "abcdefgh\0"};
  static const size_t lens[] = {0, 1, 8, 8, 8, 9, 2, 12, 9};
  for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) check((const unsigned char *)cases[i], lens[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_random_buffers),
    cmocka_unit_test(test_edges),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
