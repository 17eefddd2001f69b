/* Compiled Lua chunks (rule files, lib() modules, rules_data() files): kept
 * in memory for the other workers of the process, and on disk so that a
 * one-file check does not parse ~400 KB of Lua source at every start. The
 * disk cache is like Python's __pycache__, but in the user's own cache
 * folder:
 *
 *   $RASOAT_CACHE (a folder, or "off"), else $XDG_CACHE_HOME/rasoat,
 *   else $HOME/.cache/rasoat
 *
 * The folder must belong to the user and be closed to others (0700; it is
 * created so); every entry is checked (owner, size, a hash of the source it
 * was made from, a hash of its own bytes) before Lua loads it, and anything
 * that does not match is ignored and rewritten. A cache that cannot be
 * used costs nothing but the parse. */
#ifndef RS_CHUNKCACHE_H
#define RS_CHUNKCACHE_H

#include <lua.h>
#include <stddef.h>

/* Compile src (named chunkname, as in luaL_loadbufferx; text only) into a
 * function at the top of L: from this process's memory when another worker
 * already compiled this exact source, else from the disk cache, else by
 * parsing it (and then keeping it in both). Returns the Lua status; on error
 * the message is at the top, as with luaL_loadbufferx. */
int rs_chunk_load(lua_State *L, const char *src, size_t len, const char *chunkname);

/* Dump the Lua function at the top of L with its debug information (so
 * errors keep their file:line); malloc'd, NULL when out of memory. */
char *rs_chunk_dump(lua_State *L, size_t *len);

/* Switch the disk cache off for this process (--no-cache); call before any
 * load. Chunks are still shared between the workers of the process. */
void rs_chunk_cache_disable(void);

/* The cache folder in use, or NULL when the cache is off or unusable. */
const char *rs_chunk_cache_dir(void);

#endif
