/* A worker: one sandboxed Lua state with its budgets. Private to the
 * engine (sandbox.c, engine.c, luadoc.c). */
#ifndef RS_WORKER_H
#define RS_WORKER_H

#include "engine.h"

#include <lauxlib.h>
#include <lua.h>
#include <pthread.h>
#include <time.h>

#define RS_HOOK_STEP 1000

typedef struct rs_call {
  rs_doc *doc;
  size_t rule;          /* index in engine rules */
  rs_severity sev;
  rs_diags found;       /* what the rule reported during this call */
  size_t count;         /* reports made (including dropped past the cap) */
  int capped;
} rs_call;

struct rs_worker {
  const rs_engine *e;
  lua_State *L;
  size_t mem_used;
  size_t mem_limit;     /* 0: no limit (host code) */
  size_t doc_bytes;     /* text size of the document being checked */
  int refused;          /* the last allocation request was refused */
  void *refused_ptr;
  size_t refused_size;
  long long instr;
  long long instr_budget;
  long long wall_budget_ms;
  struct timespec deadline;
  int in_rule;
  int flag_timeout, flag_memory, flag_blocked;
  char blocked[64];
  rs_call *run;
  const char *profile_name;
  int profile_index;
  void *spell;          /* non-NULL: holds a reference to the shared dictionary */
  int submission;       /* manifest row of the document being checked, or -1 */
  double *prof;         /* RASOAT_PROFILE: CPU seconds per rule */
  double prof_facts;
  const char *test_kind;/* rule tester: "valid"/"invalid" example being run, else NULL */
  size_t test_index;
};

/* sandbox.c */
extern pthread_mutex_t rs_spell_mutex; /* the shared dictionary and every call on it */
int rs_sandbox_open(rs_worker *w);
/* Replace the value at the top of the stack by its read-only proxy. */
void rs_freeze(lua_State *L);
/* Push a fresh environment table for one rule (or lib) chunk. */
void rs_sandbox_newenv(lua_State *L);
/* Start/stop a budgeted call. */
void rs_budget_begin(rs_worker *w);
void rs_budget_end(rs_worker *w);
/* Message handler for lua_pcall: adds a traceback to string errors and
 * turns non-string error objects into a description. */
int rs_msgh(lua_State *L);
/* Spelling binding used by rules: pushes the `spell` table. */
void rs_spell_open(rs_worker *w);
/* The dictionary is one for the process. rs_spell_prefetch takes the
 * worker's reference and, the first time, starts loading it on a thread of
 * its own (about 10 M instructions) while the first document is read;
 * spell.* waits for it. rs_spell_wait waits for the load; rs_spell_release
 * drops the worker's reference (rs_worker_free does), and the last one
 * frees the dictionary. */
void rs_spell_prefetch(rs_worker *w);
void rs_spell_wait(rs_worker *w);
void rs_spell_release(rs_worker *w);

/* luadoc.c: push the raw (unfrozen) Lua view of a document. */
void rs_luadoc_push(lua_State *L, const rs_doc *d);
/* push a table from a data table */
void rs_luadoc_push_table(lua_State *L, const rs_table *t);

#endif
