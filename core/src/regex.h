/* PCRE2 for rules: the `re` library (UTF + UCP, JIT, cached compiles,
 * match and depth limits). Compiled patterns are shared by every worker of
 * the process; each Lua state (worker) keeps its own look-up cache, match
 * data and JIT stack. */
#ifndef RS_REGEX_H
#define RS_REGEX_H

#include <lua.h>

typedef struct rs_regex_limits {
  unsigned match_limit; /* PCRE2 match limit (backtracking steps) */
  unsigned depth_limit; /* PCRE2 depth limit */
} rs_regex_limits;

/* Pushes the `re` table onto the stack. The cache lives as long as L. */
void rs_regex_open(lua_State *L, const rs_regex_limits *lim);

/* Between documents: empty the compiled-pattern cache once it holds more
 * than a thousand patterns (memory of compiled code is not Lua's). */
void rs_regex_collect(lua_State *L);

#endif
