/* libFuzzer target: the fact extractors (facts*.c) on a document built from
 * the input as text, the way the engine runs them: read, model, facts. Each
 * fact must lie inside its paragraph, and REF values must point at facts. */
#include "fuzz_util.h"

#include "doc.h"
#include "readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  rs_doc *d = NULL;
  char *err = NULL;
  /* line mode makes every line a paragraph: short inputs reach the extractors */
  rs_txt_mode mode = n && (data[0] & 1) ? RS_TXT_LINES : RS_TXT_AUTO;
  if (rs_read_txt_buffer("fuzz.txt", (const char *)data, n, mode, NULL, &d, &err)) {
    free(err);
    return 0;
  }
  rs_model_build(d);
  rs_facts_extract(d);
  for (size_t i = 0; i < d->nfacts; i++) {
    const rs_fact *f = &d->facts[i];
    if (f->para < 0 || (size_t)f->para >= d->npara) abort();
    if (f->start > f->end || f->end > d->paras[f->para].len) abort();
    for (size_t k = 0; k < f->nvals; k++) {
      const rs_fval *v = &f->vals[k];
      if ((v->type == RS_FV_REF || v->type == RS_FV_REFLIST) && (v->v.ref < 0 || (size_t)v->v.ref >= d->nfacts))
        abort();
      if (v->type == RS_FV_STR && !v->v.s) abort();
    }
  }
  rs_doc_free(d);
  return 0;
}
