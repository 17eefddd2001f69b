/* re.words (regex.c): the hand-written scans give exactly the matches of
 * the PCRE2 patterns they stand for (re.matches), on every BMP code point
 * and on random strings, valid UTF-8 or not; skip tables and wordsets; for
 * "doubled", every BMP code point next to its case variants and random
 * doubled words with every caseless set in play. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

#include "regex.h"

/* The Lua side: same(s) compares re.words with re.matches for every kind
 * and raises an error naming the first difference. */
static const char *PRELUDE =
    "PATS = {\n"
    "  token = [[([\\p{L}\\p{M}\\p{N}]+(?:[-/.@_'\xE2\x80\x99&][\\p{L}\\p{M}\\p{N}]+)*)]],\n"
    "  letters = [[\\p{L}+]],\n"
    "  legacy = [[([\\p{L}\\x{00A1}-\\x{00FF}]*[\\p{L}][\\p{L}\\x{00A1}-\\x{00FF}]*|"
    "[\\x{00A1}-\\x{00FF}]+[\\p{L}][\\p{L}\\x{00A1}-\\x{00FF}]*)]],\n"
    "  doubled = [[(?<![\\p{L}\\p{N}])(\\p{L}+)\\s+\\1(?![\\p{L}\\p{N}])]],\n"
    "}\n"
    "FLAGS = { doubled = 'i' }\n"
    "function same(s, skip_t, skip_w)\n"
    "  for kind, pat in pairs(PATS) do\n"
    "    local a = re.words(s, kind, skip_w)\n"
    "    local b = re.matches(s, pat, FLAGS[kind], skip_t)\n"
    "    if #a ~= #b then error(string.format('%s: %d vs %d values in %q', kind, #a, #b, s)) end\n"
    "    for i = 1, #a do\n"
    "      if a[i] ~= b[i] then error(string.format('%s: value %d: %s vs %s in %q', kind, i,\n"
    "        tostring(a[i]), tostring(b[i]), s)) end\n"
    "    end\n"
    "  end\n"
    "end\n";

static lua_State *new_state(void) {
  lua_State *L = luaL_newstate();
  assert_non_null(L);
  luaL_openlibs(L);
  rs_regex_open(L, NULL);
  lua_setglobal(L, "re");
  assert_int_equal(luaL_dostring(L, PRELUDE), LUA_OK);
  return L;
}

static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    fail();
  }
}

/* every BMP code point (but the surrogates) alone, between letters, between
 * joiners, after a joiner, next to Latin-1 characters */
static void test_every_bmp_code_point(void **st) {
  (void)st;
  lua_State *L = new_state();
  run(L,
      "local ch = utf8.char\n"
      "for cp = 0, 0xFFFF do\n"
      "  if cp < 0xD800 or cp > 0xDFFF then\n"
      "    local c = ch(cp)\n"
      "    same(c)\n"
      "    same('a' .. c .. 'b')\n"
      "    same('x-' .. c .. '-y ' .. c .. '\\xE2\\x80\\x99' .. c .. '.' .. c)\n"
      "    same(c .. c .. '&' .. c .. ' 1' .. c .. '_\\xC2\\xB8' .. c .. '\\xC2\\xB5')\n"
      "    same('\\xC2\\xA1' .. c .. '\\xC3\\xBF ' .. c .. '\\xC2\\xB8c')\n"
      "  end\n"
      "end\n");
  lua_close(L);
}

/* random strings from a pool of interesting characters, and invalid UTF-8 */
static void test_random_strings(void **st) {
  (void)st;
  lua_State *L = new_state();
  run(L,
      "local pool = { 'a', 'Z', '\\xC4\\x91', '\\xE1\\xBB\\x87', '\\xC3\\xA0', 'o', 'y', '1', '\\xD9\\xA3',\n"
      "  '\\xCC\\x81', '\\xCC\\xA3', '-', '/', '.', '@', '_', \"'\", '\\xE2\\x80\\x99', '&', ' ', '\\t', '\\0',\n"
      "  ',', '\\xC2\\xB8', '\\xC2\\xB5', '\\xC2\\xA1', '\\xC3\\x97', '\\xC2\\xA0', '\\xD0\\x96', '\\xCE\\xB1',\n"
      "  '\\xF0\\x9F\\x98\\x80', '\\xF0\\x9D\\x90\\x80', '\\xE4\\xB8\\xAD', '\\xEF\\xBF\\xBD', '--', '..',\n"
      "  '\\x80', '\\xC3', '\\xE1\\xBB', '\\xFF', '\\xED\\xA0\\x80', '\\xC0\\xAF', '\\xF4\\x90\\x80\\x80' }\n"
      "local seed = 12345\n"
      "local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end\n"
      "for _ = 1, 20000 do\n"
      "  local t = {}\n"
      "  for i = 1, rnd(14) - 1 do t[i] = pool[rnd(#pool)] end\n"
      "  same(table.concat(t))\n"
      "end\n");
  lua_close(L);
}

/* skip: a table (skip[w] == false leaves w out) or a wordset (w in it) */
static void test_skip(void **st) {
  (void)st;
  lua_State *L = new_state();
  run(L,
      "local ws = re.wordset()\n"
      "local t = {}\n"
      "for _, w in ipairs({ 'c\\xC3\\xA1c', 'nh\\xC3\\xA2n', 'QĐ-UBND' }) do ws:add(w); t[w] = false end\n"
      "t['x'] = true\n"
      "assert(ws:has('c\\xC3\\xA1c') and not ws:has('c\\xC3\\xA1') and #ws == 3)\n"
      "local s = 'C\\xC3\\xA1c c\\xC3\\xA1c nh\\xC3\\xA2n vi\\xC3\\xAAn, x QĐ-UBND c\\xC3\\xA1c\\xC3 nh\\xC3\\xA2n'\n"
      "same(s, t, ws)\n"
      "local m = re.words('c\\xC3\\xA1c nh\\xC3\\xA2n x', 'letters', ws)\n"
      "assert(#m == 3 and m[1] == 12 and m[2] == 12 and m[3] == 'x', tostring(m[1]))\n"
      "-- a big set: every word kept, none lost when it grows\n"
      "local big = re.wordset()\n"
      "for i = 1, 5000 do big:add('w' .. i) end\n"
      "for i = 1, 5000 do assert(big:has('w' .. i)) end\n"
      "assert(not big:has('w0') and #big == 5000)\n"
      "big:add(string.rep('x', 65))\n"
      "assert(not big:has(string.rep('x', 65)))\n"
      "assert(getmetatable(big) == false)\n"
      "assert(not pcall(re.words, 'a', 'nope'))\n"
      "assert(not pcall(re.words, 'a', 'token', 'x'))\n");
  lua_close(L);
}

/* "doubled": every BMP code point doubled with its case variants (utf8proc's
 * and a few more), inside and around words; then random words repeated with
 * random case changes, separators, marks, digits and invalid bytes, the
 * characters of PCRE2's caseless sets among them */
static void test_doubled(void **st) {
  (void)st;
  lua_State *L = new_state();
  run(L,
      "local ch = utf8.char\n"
      "local function d(s) local a = re.words(s, 'doubled'); local b = re.matches(s, PATS.doubled, 'i')\n"
      "  if #a ~= #b then error(string.format('doubled: %d vs %d values in %q', #a, #b, s)) end\n"
      "  for i = 1, #a do if a[i] ~= b[i] then error(string.format('doubled: value %d in %q', i, s)) end end\n"
      "end\n"
      "for cp = 0, 0xFFFF do\n"
      "  if cp < 0xD800 or cp > 0xDFFF then\n"
      "    local c = ch(cp)\n"
      "    local u, l = re.upper(c), re.lower(c)\n"
      "    for _, v in ipairs({ c, u, l, ch(cp + 1), ch(cp ~ 1), ch(math.max(cp - 1, 0)), 'k' }) do\n"
      "      d(c .. ' ' .. v)\n"
      "      d('a' .. c .. ' a' .. v .. ' a' .. c .. 'b')\n"
      "      d(v .. c .. '\\t' .. c .. v .. ', ' .. c .. '\\xC2\\xA0' .. v .. '1')\n"
      "    end\n"
      "  end\n"
      "end\n"
      "local pool = { 'a', 'A', 'k', 'K', '\\xE2\\x84\\xAA', 's', 'S', '\\xC5\\xBF', '\\xC3\\x9F', '\\xE1\\xBA\\x9E',\n"
      "  '\\xCE\\xB9', '\\xCE\\x99', '\\xCD\\x85', '\\xE1\\xBE\\xBE', '\\xC2\\xB5', '\\xCE\\xBC', '\\xCE\\x9C',\n"
      "  '\\xC3\\x85', '\\xC3\\xA5', '\\xE2\\x84\\xAB', '\\xC4\\x91', '\\xC4\\x90', '\\xE1\\xBB\\x87', '\\xE1\\xBB\\x86',\n"
      "  '\\xC7\\x85', '\\xC7\\x84', '\\xC7\\x86', '\\xCF\\x82', '\\xCF\\x83', '\\xCE\\xA3', '\\xCC\\x81', '1', '\\xD9\\xA3' }\n"
      "local seps = { ' ', '  ', '\\t', '\\n', '\\r\\n', '\\xC2\\xA0', '\\xE3\\x80\\x80', '\\xE2\\x80\\x83', '\\v', '\\f',\n"
      "  '', ',', ' - ', '\\x80', '\\xE2\\x80\\x8B' }\n"
      "local seed = 4242\n"
      "local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end\n"
      "for _ = 1, 40000 do\n"
      "  local t = {}\n"
      "  for _ = 1, rnd(4) do\n"
      "    local w = {}\n"
      "    for i = 1, rnd(4) do w[i] = pool[rnd(#pool)] end\n"
      "    local v = {}\n"
      "    for i = 1, #w do v[i] = rnd(4) == 1 and pool[rnd(#pool)] or (rnd(2) == 1 and re.upper(w[i]) or re.lower(w[i])) end\n"
      "    if rnd(5) == 1 then v[#v + 1] = pool[rnd(#pool)] end\n"
      "    t[#t + 1] = table.concat(w) .. seps[rnd(#seps)] .. table.concat(v) .. seps[rnd(#seps)]\n"
      "  end\n"
      "  d(table.concat(t))\n"
      "end\n"
      "d('quy quy \\xC4\\x91\\xE1\\xBB\\x8Bnh, C\\xC3\\xA1c c\\xC3\\xA1c h\\xE1\\xBB\\x99i ngh\\xE1\\xBB\\x8B')\n"
      "local m = re.words('tổ chức các các hội nghị, Quy QUY định', 'doubled')\n"
      "assert(#m == 6 and m[3] == 'các' and m[6] == 'Quy', tostring(#m))\n");
  lua_close(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_bmp_code_point),
      cmocka_unit_test(test_random_strings),
      cmocka_unit_test(test_skip),
      cmocka_unit_test(test_doubled),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
