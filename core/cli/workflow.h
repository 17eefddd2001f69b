/* Configuration (.rasoat.lua), baselines and --fix. */
#ifndef RS_WORKFLOW_H
#define RS_WORKFLOW_H

#include "engine.h"
#include "report.h"

typedef struct rs_config {
  char *path;
  char *profile;
  char *fail_on;
  char *deadline;
  char **data;     /* resolved relative to the config file's folder */
  size_t ndata;
  char **plugins;
  size_t nplugins;
  char **ignore;   /* fnmatch patterns, against the path or its base name */
  size_t nignore;
  char **rules;    /* "ID=SEV" */
  size_t nrules;
} rs_config;

/* Look for .rasoat.lua from start (a file or folder) upward; 0 when found. */
int rs_config_find(const char *start, char **out);
int rs_config_load(const char *path, rs_config *c, char **err);
int rs_config_ignored(const rs_config *c, const char *path);
void rs_config_free(rs_config *c);

typedef struct rs_baseline_set rs_baseline_set;
int rs_baseline_load(const char *path, rs_baseline_set **out, char **err);
/* Remove from each file the findings present in the baseline; returns how
 * many were removed. nrun is the number of files in the whole run (a single
 * file is matched against a single-file baseline whatever its name). */
size_t rs_baseline_filter(rs_baseline_set *s, rs_file_result *files, size_t nfiles, size_t nrun);
void rs_baseline_free(rs_baseline_set *s);

/* Apply the safe single-suggestion fixes of fixable rules to a .txt draft:
 * into out_path, or in place (keeping FILE.bak) when out_path is NULL.
 * Atomic: the target is replaced by rename, never partially written. */
int rs_fix_file(const rs_engine *e, const rs_file_result *fr, const char *out_path, char **err, size_t *applied);

#endif
