/* The rule engine: loads plugins and profiles, runs rules in sandboxed Lua
 * states (one per worker), turns every rule failure into one engine/…
 * diagnostic. */
#ifndef RS_ENGINE_H
#define RS_ENGINE_H

#include "rasoat.h"
#include "report.h"
#include "table.h"

#include <stdbool.h>

typedef struct rs_budget {
  long long instructions; /* per rule call */
  long long wall_ms;      /* per rule call */
  size_t memory;          /* bytes a rule call may add to its state */
  size_t max_findings;    /* per rule and document */
  unsigned re_match_limit, re_depth_limit;
  long long doc_ms;       /* all rules on one document; then the rest are skipped */
} rs_budget;

void rs_budget_default(rs_budget *b);

typedef struct rs_rule {
  rs_rule_info info;      /* id, description, basis, severity, path, examples */
  char *source;
  size_t srclen;
  int fixable;            /* its suggestions are safe to apply with --fix */
} rs_rule;

/* A resolved profile: which rules run and at which severity, options as Lua
 * source (data only) that every worker loads. */
typedef struct rs_profile {
  char *name;
  char *path;
  char *extends;
  char *description;
  /* detect: entries of lower-case phrases; an entry matches when all its
   * phrases occur in the document's title */
  char ***detect;
  size_t ndetect;
  /* pack or rule settings, base profile first: sev -1 = on (default severity) */
  struct rs_setting {
    char *id;
    int sev;
  } *settings;
  size_t nsettings;
  char *source;           /* the profile file, loaded again by each worker for its options */
  size_t srclen;
} rs_profile;

typedef struct rs_rule_override {
  char *id;               /* rule id or pack name ("spelling") */
  rs_severity sev;
} rs_rule_override;

/* What the workers share at run time (the validating worker, handed to the
 * first rs_worker_new), guarded by its mutex. */
typedef struct rs_engine_shared rs_engine_shared;

typedef struct rs_engine {
  rs_rule *rules;
  size_t nrules;
  rs_rule_info *infos;    /* copy of rules[i].info for reports */
  rs_diags load_diags;    /* engine/rule-load and profile problems (path = plugin file) */
  char **load_paths;      /* file for each load diag */
  rs_profile *profiles;
  size_t nprofiles;
  char *forced_profile;   /* --profile NAME|FILE, or NULL for auto-detection */
  rs_rule_override *overrides; /* --rule ID=SEV, in order */
  size_t noverrides;
  rs_budget budget;
  rs_limits limits;
  rs_table **tables;      /* --data */
  size_t ntables;
  char *deadline;         /* --deadline dd/mm/yyyy, or NULL */
  rs_table *manifest;     /* --manifest: path, commune, received date */
  int manifest_cols[3];   /* its path, commune, received columns, or -1 */
  size_t *manifest_index; /* its rows by the last part of their path key, then row */
  char **manifest_keys;   /* each row's path as matched: NFC, case-folded, '\\' as '/' */
  char *rules_dir;        /* rules/ (profiles and data lists) */
  char **lib_dirs;        /* <plugins>/lib folders, searched by lib(name) */
  size_t nlib_dirs;
  int *resolved;          /* nprofiles x nrules effective severities */
  int forced_index;       /* profile index when forced, else -1 */
  int default_index;      /* cchc-6-thang, or 0 */
  rs_engine_shared *shared; /* see above */
} rs_engine;

typedef struct rs_worker rs_worker;

int rs_engine_init(rs_engine *e);
/* Load every <pack>/<name>.lua under dir (non-recursive beyond one level,
 * "lib" skipped). Load problems become load_diags; returns 0 unless the
 * folder itself cannot be read. */
int rs_engine_load_plugins(rs_engine *e, const char *dir);
int rs_engine_load_profiles(rs_engine *e, const char *rules_dir, char **err);
/* Validate rules (runs each in a worker once); call after loading. */
int rs_engine_validate(rs_engine *e);
void rs_engine_free(rs_engine *e);
int rs_engine_override(rs_engine *e, const char *spec, char **err); /* ID=SEV */
const rs_rule *rs_engine_find(const rs_engine *e, const char *id);
/* Find the manifest's columns (by English or Vietnamese header) and index
 * its rows by file name, once. */
void rs_engine_index_manifest(rs_engine *e);
/* The manifest has a received-date column (else no lateness can be told). */
int rs_engine_manifest_received(const rs_engine *e);
/* The submissions the manifest lists that none of the n input paths is
 * (matched as for the deadline: same path, else same base name), in the
 * manifest's order, as failed file results (*out, calloc'd; the count is
 * returned): a reviewer sees every listed submission, found or not. */
size_t rs_manifest_unmatched(const rs_engine *e, char *const *paths, size_t n, rs_file_result **out);

rs_worker *rs_worker_new(const rs_engine *e);
void rs_worker_free(rs_worker *w);
/* Build the model, extract facts, run every enabled rule on d; diagnostics
 * are appended to d->diags, then sorted. Returns 1 when a rule failed
 * (engine/… finding made), else 0. */
int rs_worker_check(rs_worker *w, rs_doc *d);
/* Run one rule only on d (rule tester). */
int rs_worker_check_rule(rs_worker *w, rs_doc *d, size_t rule_index);
/* Run one rule on its example number `example` (0-based) of examples.valid
 * or .invalid, with the example's context fields (profile, submission,
 * deadline). */
int rs_worker_test_rule(rs_worker *w, rs_doc *d, size_t rule_index, int invalid, size_t example);
/* The profile used for the last document, after detection. */
const char *rs_worker_profile_name(const rs_worker *w);

/* Read a file with the reader for its extension and check it. */
int rs_check_file(rs_worker *w, const char *path, rs_file_result *out);
/* The same in two steps. rs_prepare_file reads the file and builds its
 * model and facts; it needs no worker and reads only the engine's limits and
 * manifest, so it may run while rs_engine_validate is still going. On
 * failure out says why and *dp is NULL (returns the error code); else
 * rs_check_prepared runs the rules on *dp and completes out. */
int rs_prepare_file(const rs_engine *e, const char *path, rs_file_result *out, rs_doc **dp);
int rs_check_prepared(rs_worker *w, rs_doc *d, rs_file_result *out);
void rs_file_result_free(rs_file_result *fr);

/* One document checked by several workers at once (see engine.c). The
 * owner makes the part with the prepared document; it and any helpers call
 * rs_check_share (each takes rules from a common cursor until none is left);
 * once every caller has returned, the owner calls rs_share_finish, which
 * completes out like rs_check_prepared and frees the part. */
typedef struct rs_share rs_share;
rs_share *rs_share_new(const rs_engine *e, rs_doc *d);
int rs_share_pending(rs_share *p); /* rules are left to take */
int rs_check_share(rs_worker *w, rs_share *p);
int rs_share_finish(rs_worker *w, rs_share *p, rs_file_result *out);
/* A new worker, never the validating one (rs_worker_new may hand that
 * one out): for a helper, so that the owner of a document keeps it. */
rs_worker *rs_worker_new_fresh(const rs_engine *e);

#endif
