/* Helpers of the command line. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdio.h>
#include <time.h>

#include "engine.h"

/* Recursively collect supported files under dir (hidden entries skipped,
 * symlink loops detected, unreadable folders reported as paths so that they
 * appear as failed in the report). */
void rs_walk(const char *dir, char ***out, size_t *n);

typedef struct rs_progress {
  size_t total;
  int on;
  struct timespec start;
  size_t last;
  int shown; /* the line is on the terminal */
} rs_progress;
void rs_progress_init(rs_progress *p, size_t total, int on);
void rs_progress_update(rs_progress *p, size_t done);
/* Take the line off the terminal (before writing there); the next update
 * draws it again. */
void rs_progress_clear(rs_progress *p);
void rs_progress_done(rs_progress *p);

void rs_print_rules_table(FILE *f, const rs_engine *e);
void rs_print_rules_json(FILE *f, const rs_engine *e);
int rs_explain(FILE *f, const rs_engine *e, const char *id);
int rs_test_rules(FILE *f, const rs_engine *e);
int rs_write_docs(const rs_engine *e, const char *dir);

#endif
