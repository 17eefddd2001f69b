/* Helpers shared by the fact-extraction unit tests (test_facts*.c). */
#ifndef TEST_FACTS_UTIL_H
#define TEST_FACTS_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "readers.h"

/* A document of the given paragraphs (NULL-terminated), facts extracted. */
static inline rs_doc *facts_doc(const char *const *paras) {
  rs_doc *d = rs_doc_new("test.txt", "txt");
  assert_non_null(d);
  for (int i = 0; paras[i]; i++) assert_non_null(rs_doc_add_para_text(d, paras[i], strlen(paras[i])));
  assert_int_equal(rs_facts_extract(d), 0);
  return d;
}

static inline rs_doc *facts_doc1(const char *p) {
  const char *v[] = {p, NULL};
  return facts_doc(v);
}

/* The n-th (0-based) fact of kind, or -1. */
static inline int fact_nth(const rs_doc *d, const char *kind, int n) {
  for (size_t i = 0; i < d->nfacts; i++)
    if (!strcmp(d->facts[i].kind, kind) && n-- == 0) return (int)i;
  return -1;
}

static inline int fact_count(const rs_doc *d, const char *kind) {
  int c = 0;
  for (size_t i = 0; i < d->nfacts; i++)
    if (!strcmp(d->facts[i].kind, kind)) c++;
  return c;
}

/* The fact of kind whose text (span) equals text, or -1. */
static inline int fact_text(const rs_doc *d, const char *kind, const char *text) {
  for (size_t i = 0; i < d->nfacts; i++) {
    const rs_fact *f = &d->facts[i];
    if (strcmp(f->kind, kind)) continue;
    const rs_para *p = &d->paras[f->para];
    if (f->end - f->start == strlen(text) && !memcmp(p->text + f->start, text, strlen(text))) return (int)i;
  }
  return -1;
}

/* The first fact of kind with key == string value, or -1. */
static inline int fact_where(const rs_doc *d, const char *kind, const char *key, const char *val) {
  for (size_t i = 0; i < d->nfacts; i++) {
    if (strcmp(d->facts[i].kind, kind)) continue;
    const rs_fval *v = rs_fact_get(&d->facts[i], key);
    if (v && v->type == RS_FV_STR && !strcmp(v->v.s, val)) return (int)i;
  }
  return -1;
}

static inline const rs_fval *fv(const rs_doc *d, int f, const char *key) {
  assert_true(f >= 0 && (size_t)f < d->nfacts);
  return rs_fact_get(&d->facts[f], key);
}

static inline const char *fs(const rs_doc *d, int f, const char *key) {
  const rs_fval *v = fv(d, f, key);
  return v && v->type == RS_FV_STR ? v->v.s : NULL;
}

static inline double fn(const rs_doc *d, int f, const char *key) {
  const rs_fval *v = fv(d, f, key);
  assert_non_null(v);
  assert_int_equal(v->type, RS_FV_NUM);
  return v->v.n;
}

static inline long long fi(const rs_doc *d, int f, const char *key) {
  const rs_fval *v = fv(d, f, key);
  assert_non_null(v);
  assert_int_equal(v->type, RS_FV_INT);
  return v->v.i;
}

/* 1 / 0, or -1 when absent */
static inline int fb(const rs_doc *d, int f, const char *key) {
  const rs_fval *v = fv(d, f, key);
  if (!v) return -1;
  assert_int_equal(v->type, RS_FV_BOOL);
  return v->v.b;
}

static inline int fr(const rs_doc *d, int f, const char *key) {
  const rs_fval *v = fv(d, f, key);
  if (!v) return -1;
  assert_int_equal(v->type, RS_FV_REF);
  return v->v.ref;
}

/* The i-th element of a REFLIST key, or -1. */
static inline int frl(const rs_doc *d, int f, const char *key, int i) {
  const rs_fact *x = &d->facts[f];
  for (size_t k = 0; k < x->nvals; k++)
    if (x->vals[k].type == RS_FV_REFLIST && !strcmp(x->vals[k].key, key) && i-- == 0) return x->vals[k].v.ref;
  return -1;
}

/* The text of fact f's span. */
static inline char *ftext(const rs_doc *d, int f) {
  static char buf[1024];
  const rs_fact *x = &d->facts[f];
  size_t n = x->end - x->start;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, d->paras[x->para].text + x->start, n);
  buf[n] = 0;
  return buf;
}

/* The text of the 1-based inclusive sub-span stored as ks/ke in fact f. */
static inline char *fsub(const rs_doc *d, int f, const char *ks, const char *ke) {
  static char buf[1024];
  long long s = fi(d, f, ks), e = fi(d, f, ke);
  size_t n = (size_t)(e - s + 1);
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, d->paras[d->facts[f].para].text + s - 1, n);
  buf[n] = 0;
  return buf;
}

#endif
