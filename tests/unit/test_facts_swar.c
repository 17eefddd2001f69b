/* The word-at-a-time byte tests of facts.h (fx_zero8, fx_byte8, fx_digit8,
 * fx_zlanes8, fx_next_digit, fx_next_digit_n): each must answer exactly as the
 * byte-by-byte test it replaces, for every byte value in every lane. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "facts.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static bool naive_digit(const unsigned char *p) {
  for (int i = 0; i < 8; i++)
    if (p[i] >= '0' && p[i] <= '9') return true;
  return false;
}
static bool naive_byte(const unsigned char *p, unsigned char b) {
  for (int i = 0; i < 8; i++)
    if (p[i] == b) return true;
  return false;
}

static void check_word(const unsigned char *p) {
  uint64_t x = fx_load8(p);
  assert_int_equal(fx_digit8(x) != 0, naive_digit(p));
  for (int b = 0; b < 256; b += 17) assert_int_equal(fx_byte8(x, (unsigned char)b) != 0, naive_byte(p, (unsigned char)b));
  assert_int_equal(fx_byte8(x, 0x86) != 0, naive_byte(p, 0x86));
  assert_int_equal(fx_byte8(x, 'n') != 0, naive_byte(p, 'n'));
  uint64_t z = fx_zlanes8(x);
  for (int i = 0; i < 8; i++) {
    unsigned char bytes[8]; /* lane i of z sits where memcpy put p[i] */
    memcpy(bytes, &z, 8);
    assert_int_equal(bytes[i], p[i] == 0 ? 0x80 : 0);
  }
}

/* every byte value in every lane, the other lanes random or extreme */
static void test_words(void **state) {
  (void)state;
  unsigned char w[8];
  for (int lane = 0; lane < 8; lane++)
    for (int v = 0; v < 256; v++)
      for (int fill = 0; fill < 4; fill++) {
        for (int i = 0; i < 8; i++) {
          uint64_t r = next_rand();
          w[i] = fill == 0 ? 0x00 : fill == 1 ? 0xFF : fill == 2 ? (unsigned char)r : (unsigned char)(0x2F + (r % 12));
        }
        w[lane] = (unsigned char)v;
        check_word(w);
      }
  for (int k = 0; k < 200000; k++) {
    uint64_t r = next_rand();
    memcpy(w, &r, 8);
    check_word(w);
  }
}

static void test_next(void **state) {
  (void)state;
  unsigned char buf[64];
  const unsigned char alpha[] = {'a', 'n', 'N', '0', '9', '/', ':', 0xC3, 0xA0, 0x80, 0xFF, ' ', 0x00, 'y'};
  for (int k = 0; k < 100000; k++) {
    size_t n = next_rand() % sizeof buf;
    for (size_t i = 0; i < n; i++) {
      uint64_t r = next_rand();
      buf[i] = (r & 7) ? alpha[(r >> 8) % 3 == 0 ? 0 : (r >> 16) % sizeof alpha] : (unsigned char)(r >> 24);
    }
    size_t from = n ? next_rand() % (n + 1) : 0;
    size_t d = from, dn = from;
    while (d < n && !(buf[d] >= '0' && buf[d] <= '9')) d++;
    while (dn < n && !(buf[dn] >= '0' && buf[dn] <= '9') && !((buf[dn] | 0x20) == 'n' && dn + 2 < n && buf[dn + 2] == 0xC3))
      dn++;
    assert_int_equal(fx_next_digit(buf, from, n), d);
    assert_int_equal(fx_next_digit_n(buf, from, n), dn);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_words), cmocka_unit_test(test_next)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
