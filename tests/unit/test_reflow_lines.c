/* The shape of one line (reflow.c line_info, split into a loop over the
 * leading white space and one over the rest, with an ASCII fast path)
 * must be exactly what the plain loop over code points gives:
 * trimmed byte range, first column, code points kept, first/last/previous
 * code points and the letter cases, for random lines mixing ASCII words,
 * every kind of white space, Vietnamese letters, capitals and bad bytes,
 * at every alignment. reflow.c is compiled into this test under other
 * names so that its static line_info can be called. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define rs_is_space_cp t_rs_is_space_cp
#define rs_viet_letter_ordinal t_rs_viet_letter_ordinal
#define rs_marker_parse t_rs_marker_parse
#define rs_reflow_detect t_rs_reflow_detect
#define rs_reflow_build t_rs_reflow_build
#include "../../core/src/reflow.c"

/* the loop line_info replaced, kept as the reference */
static void ref_line_info(const rs_line *ln, linfo *li) {
  memset(li, 0, sizeof *li);
  const char *s = ln->s;
  size_t n = ln->len, i = 0;
  uint32_t col = 1;
  int started = 0;
  size_t end = 0;
  uint32_t ncp_to_end = 0, ncp = 0;
  int32_t last = 0, prev = 0, before = 0;
  while (i < n) {
    int l;
    int32_t cp = cp_at(s, n, i, &l);
    int sp = rs_is_space_cp(cp);
    int32_t was = before;
    before = cp;
    if (!started && !sp) {
      started = 1;
      li->b0 = i;
      li->col0 = col;
      li->first = cp;
    }
    if (started) {
      ncp++;
      if (!sp) {
        end = i + (size_t)l;
        ncp_to_end = ncp;
        prev = was;
        last = cp;
        if (is_lower_cp(cp)) li->has_lower = 1;
        if (is_upper_cp(cp)) li->has_upper = 1;
      }
    }
    i += (size_t)l;
    col++;
  }
  if (!started) {
    li->blank = 1;
    return;
  }
  li->b1 = end;
  li->ncp = ncp_to_end;
  li->last = last;
  li->prev = prev;
}

static uint64_t rng = 0x9E3779B97F4A7C15u;
static unsigned rnd(unsigned m) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % m);
}

static const char *const pieces[] = {
  " ", " ", " ", "  ", "\t", "\f", "\v", "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF",
  "a", "b", "z", "A", "Z", "M", "0", "9", ".", "-", "/", ":", ",", "(", ")", "\x7F", "\x01",
  "\xC4\x91", "\xC4\x90", "\xE1\xBB\x87", "\xE1\xBB\x86", "\xC6\xB0", "\xC3\x80", "\xE2\x80\xA6",
  "\xCE\xB1", "\xCE\x91", "\xC7\x85", /* Lt */
  "\xE1\x9A\x80", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE2\x80\x80", /* U+1680, U+202F, U+205F, U+2000 */
  "\xE0\xA4\x85", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", /* U+0905, U+D7FF, U+1F600 */
  "\x80", "\xC3", "\xE1\xBB", "\xFF", "\xED\xA0\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80",
  "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xEF\xBB", /* bad bytes */
  "ngay", "UBND", "thang ", "Ke hoach ", "2021-2025", "      ", "abcdefgh", "ABCDEFGH", "a       ",
};

static void check_line(const char *s, size_t n) {
  rs_line ln;
  memset(&ln, 0, sizeof ln);
  ln.s = s;
  ln.len = n;
  ln.lineno = 1;
  linfo a, b;
  line_info(&ln, &a);
  ref_line_info(&ln, &b);
  assert_int_equal(a.blank, b.blank);
  assert_int_equal(a.b0, b.b0);
  assert_int_equal(a.b1, b.b1);
  assert_int_equal(a.col0, b.col0);
  assert_int_equal(a.ncp, b.ncp);
  assert_int_equal(a.first, b.first);
  assert_int_equal(a.last, b.last);
  assert_int_equal(a.prev, b.prev);
  assert_int_equal(a.has_lower, b.has_lower);
  assert_int_equal(a.has_upper, b.has_upper);
}

static void test_random_lines(void **state) {
  (void)state;
  char buf[512 + 8];
  size_t np = sizeof pieces / sizeof pieces[0];
  for (int t = 0; t < 200000; t++) {
    size_t n = 0, want = rnd(120);
    /* long runs of one kind, as in real text */
    unsigned bias = rnd(4);
    while (n < want) {
      const char *p = pieces[bias == 0 ? rnd(11) : bias == 1 ? 11 + rnd(8) : rnd((unsigned)np)];
      size_t k = strlen(p);
      if (*p == 0) k = 1; /* never: no piece is empty */
      if (n + k > 512) break;
      memcpy(buf + n, p, k);
      n += k;
    }
    /* at every alignment of the eight-byte reads */
    size_t off = rnd(8);
    char *at = malloc(n + off + 1);
    assert_non_null(at);
    memcpy(at + off, buf, n);
    check_line(at + off, n);
    free(at);
  }
}

/* edges: empty, only spaces, spaces after exactly eight letters, a capital
 * only at the end, a space-only tail after a multi-byte letter */
static void test_edges(void **state) {
  (void)state;
  static const char *const lines[] = {
    "", " ", "        ", "                 ", "abcdefgh", "abcdefgh ", " abcdefgh", "abcdefghijklmnoP",
    "abcdefg\xE1\xBB\x87       ", "        x", "x\t\t\t\t\t\t\t\t", "\xC2\xA0\xC2\xA0" "abc", "abcdefgh\v", "(a)     b",
  };
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) check_line(lines[i], strlen(lines[i]));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_random_lines),
    cmocka_unit_test(test_edges),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
