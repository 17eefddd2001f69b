/* The Lua view of a document (docs/lua-api.md). Built once per document as
 * plain tables; rules only ever see it through read-only proxies. Paragraph
 * indexes and spans are 1-based; spans are byte ranges {p, s, e} with e
 * inclusive, like string.find. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "doc.h"
#include <lauxlib.h>
#include "worker.h"

/* Field names as Lua strings, pushed once per document at the bottom of
 * the stack (slot kb + K_name): setting a field is then a raw set with a
 * key that is already a Lua string, instead of lua_setfield interning the C
 * string again for every field of every table. The tables are fresh and
 * have no metatable, so raw sets are what lua_setfield did; keys go in in
 * the same order, so the tables come out the same. */
#define LUADOC_KEYS(X) X(agency) X(agency_head) X(agency_parent) X(align) X(blocks) X(body_start) X(bold) X(bottom_mm) X(cell) X(children) X(closing) X(col) X(doc_type) X(e) X(encoding) X(end_p) X(facts_by_kind) X(facts_list) X(font) X(format) X(heading_level) X(height_mm) X(images) X(indent_first_mm) X(index) X(italic) X(kind) X(kinh_gui) X(label) X(left_mm) X(len) X(level) X(line) X(line_spacing) X(marker) X(marker_span) X(motto) X(national_title) X(number) X(ordinal) X(p) X(page) X(paragraphs) X(parent) X(part) X(path) X(place_date) X(punct) X(recipients) X(recipients_end) X(reflowed) X(right_mm) X(row) X(runs) X(s) X(sections) X(sig_authority) X(sig_name) X(sig_title) X(size) X(space_after) X(space_after_pt) X(space_before_pt) X(style) X(summary) X(table) X(text) X(title) X(top_mm) X(tracked_changes) X(width_mm) LUADOC_VALUES(X)
/* Values repeated in every paragraph, pushed once per document the same way. */
#define LUADOC_VALUES(X) X(body) X(header) X(footer) X(footnote) X(toc) X(left) X(center) X(right) X(justify)
#define K_ENUM(k) K_##k,
enum { LUADOC_KEYS(K_ENUM) K_COUNT };
#define K_NAME(k) #k,
static const char *const key_names[K_COUNT] = {LUADOC_KEYS(K_NAME)};
#define KEY(k) (kb + K_##k)

/* Fact keys and kinds (C strings from the extractors, a few dozen distinct
 * pointers) pushed once per document too: pointer -> stack slot. */
#define KMAP_CAP 256
typedef struct kmap {
  const char *p[KMAP_CAP];
  int slot[KMAP_CAP];
  int n;
} kmap;

static size_t kmap_pos(const char *k) {
  return (size_t)(((uintptr_t)k * (uintptr_t)0x9E3779B97F4A7C15u) >> 24) & (KMAP_CAP - 1);
}

/* the slot holding k as a Lua string, or 0 */
static int kmap_get(const kmap *m, const char *k) {
  for (size_t i = kmap_pos(k);; i = (i + 1) & (KMAP_CAP - 1)) {
    if (m->p[i] == k) return m->slot[i];
    if (!m->p[i]) return 0;
  }
}

static void kmap_add(lua_State *L, kmap *m, const char *k) {
  if (!k || m->n >= KMAP_CAP / 2 || kmap_get(m, k)) return;
  size_t i = kmap_pos(k);
  while (m->p[i]) i = (i + 1) & (KMAP_CAP - 1);
  lua_pushstring(L, k);
  m->p[i] = k;
  m->slot[i] = lua_gettop(L);
  m->n++;
}

/* push k as a Lua string: from its slot when it has one */
static void kpush(lua_State *L, const kmap *m, const char *k) {
  int sl = kmap_get(m, k);
  if (sl) lua_pushvalue(L, sl);
  else lua_pushstring(L, k);
}

/* t[k] = value on top (popped); t at index t (negative: relative to the
 * value) */
static void kmset_top(lua_State *L, const kmap *m, int t, const char *k) {
  kpush(L, m, k);
  lua_insert(L, -2);
  lua_rawset(L, t < 0 ? t - 1 : t);
}

/* push t[k], t at -1 */
static int kmget(lua_State *L, const kmap *m, const char *k) {
  kpush(L, m, k);
  return lua_rawget(L, -2);
}

/* t[key] = v for the table at -1 */
static void kset_int(lua_State *L, int key, lua_Integer v) {
  lua_pushvalue(L, key);
  lua_pushinteger(L, v);
  lua_rawset(L, -3);
}

static void kset_str(lua_State *L, int key, const char *v) {
  if (!v) return;
  lua_pushvalue(L, key);
  lua_pushstring(L, v);
  lua_rawset(L, -3);
}

static void kset_num(lua_State *L, int key, double v) {
  if (isnan(v)) return;
  lua_pushvalue(L, key);
  lua_pushnumber(L, v);
  lua_rawset(L, -3);
}

/* 1-based paragraph index, or nothing when -1 */
static void kset_para(lua_State *L, int key, int p) {
  if (p < 0) return;
  kset_int(L, key, p + 1);
}

/* t[key] = value on top (popped), t at index t (-2: just below the value) */
static void kset_top(lua_State *L, int t, int key) {
  lua_pushvalue(L, key);
  lua_insert(L, -2);
  lua_rawset(L, t < 0 ? t - 1 : t);
}

static void push_span(lua_State *L, int kb, int para, uint32_t s, uint32_t e) {
  lua_createtable(L, 0, 3);
  kset_int(L, KEY(p), para + 1);
  kset_int(L, KEY(s), (lua_Integer)s + 1);
  kset_int(L, KEY(e), (lua_Integer)e);
}

/* the slot holding a part's name */
static int part_slot(int kb, rs_part p) {
  switch (p) {
  case RS_PART_HEADER: return KEY(header);
  case RS_PART_FOOTER: return KEY(footer);
  case RS_PART_FOOTNOTE: return KEY(footnote);
  case RS_PART_TOC: return KEY(toc);
  default: return KEY(body);
  }
}

/* the slot holding an alignment's name, or 0 */
static int align_slot(int kb, rs_align a) {
  switch (a) {
  case RS_ALIGN_LEFT: return KEY(left);
  case RS_ALIGN_CENTER: return KEY(center);
  case RS_ALIGN_RIGHT: return KEY(right);
  case RS_ALIGN_JUSTIFY: return KEY(justify);
  default: return 0;
  }
}

/* t[key] = the string in slot v (none when v is 0), t at -1 */
static void kset_slot(lua_State *L, int key, int v) {
  if (!v) return;
  lua_pushvalue(L, key);
  lua_pushvalue(L, v);
  lua_rawset(L, -3);
}

static void push_para(lua_State *L, int kb, const rs_doc *d, size_t i) {
  const rs_para *p = &d->paras[i];
  lua_createtable(L, 0, 16);
  kset_int(L, KEY(index), (lua_Integer)i + 1);
  lua_pushvalue(L, KEY(text));
  lua_pushlstring(L, p->text, p->len);
  lua_rawset(L, -3);
  kset_int(L, KEY(len), (lua_Integer)p->len);
  uint32_t line = 1, col = 1;
  if (p->nsegs) {
    line = p->segs[0].line;
    col = p->segs[0].col;
  }
  kset_int(L, KEY(line), line);
  kset_int(L, KEY(col), col);
  kset_slot(L, KEY(part), part_slot(kb, p->part));
  if (p->table) {
    kset_int(L, KEY(table), p->table);
    kset_int(L, KEY(row), p->row);
    kset_int(L, KEY(cell), p->cell);
  }
  kset_str(L, KEY(label), p->label);
  kset_str(L, KEY(style), p->style);
  if (p->heading_level) kset_int(L, KEY(heading_level), p->heading_level);
  kset_slot(L, KEY(align), align_slot(kb, p->align));
  kset_num(L, KEY(indent_first_mm), p->indent_first_mm);
  kset_num(L, KEY(space_before_pt), p->space_before_pt);
  kset_num(L, KEY(space_after_pt), p->space_after_pt);
  kset_num(L, KEY(line_spacing), p->line_spacing);
  if (p->nruns) {
    lua_createtable(L, (int)p->nruns, 0);
    for (size_t r = 0; r < p->nruns; r++) {
      const rs_run *u = &p->runs[r];
      lua_createtable(L, 0, 6);
      kset_int(L, KEY(s), (lua_Integer)u->start + 1);
      kset_int(L, KEY(e), (lua_Integer)u->end);
      kset_str(L, KEY(font), u->font);
      if (u->size_pt > 0) kset_num(L, KEY(size), u->size_pt);
      if (u->bold >= 0) {
        lua_pushboolean(L, u->bold);
        kset_top(L, -2, KEY(bold));
      }
      if (u->italic >= 0) {
        lua_pushboolean(L, u->italic);
        kset_top(L, -2, KEY(italic));
      }
      lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    kset_top(L, -2, KEY(runs));
  }
}

static void push_fact_value(lua_State *L, const rs_fval *v) {
  switch (v->type) {
  case RS_FV_STR: lua_pushstring(L, v->v.s); break;
  case RS_FV_NUM: lua_pushnumber(L, v->v.n); break;
  case RS_FV_INT: lua_pushinteger(L, v->v.i); break;
  case RS_FV_BOOL: lua_pushboolean(L, v->v.b); break;
  default: lua_pushnil(L); break;
  }
}

static void push_doc(lua_State *L, const rs_doc *d) {
  luaL_checkstack(L, K_COUNT + 16, "document");
  int kb = lua_gettop(L) + 1;
  for (int k = 0; k < K_COUNT; k++) lua_pushstring(L, key_names[k]);
  static const kmap kmap0;
  kmap km = kmap0;
  luaL_checkstack(L, KMAP_CAP / 2 + 16, "document");
  for (size_t i = 0; i < d->nfacts; i++) {
    kmap_add(L, &km, d->facts[i].kind);
    for (size_t k = 0; k < d->facts[i].nvals; k++) kmap_add(L, &km, d->facts[i].vals[k].key);
  }
  lua_createtable(L, 0, 16);
  kset_str(L, KEY(path), d->path);
  kset_str(L, KEY(format), d->format);
  kset_str(L, KEY(encoding), d->encoding);
  lua_pushboolean(L, d->reflowed);
  kset_top(L, -2, KEY(reflowed));
  lua_pushboolean(L, d->tracked_changes);
  kset_top(L, -2, KEY(tracked_changes));
  lua_pushinteger(L, (lua_Integer)d->images);
  kset_top(L, -2, KEY(images));
  if (d->page.known) {
    lua_createtable(L, 0, 6);
    kset_num(L, KEY(width_mm), d->page.width_mm);
    kset_num(L, KEY(height_mm), d->page.height_mm);
    kset_num(L, KEY(top_mm), d->page.top_mm);
    kset_num(L, KEY(bottom_mm), d->page.bottom_mm);
    kset_num(L, KEY(left_mm), d->page.left_mm);
    kset_num(L, KEY(right_mm), d->page.right_mm);
    kset_top(L, -2, KEY(page));
  }

  int doc_idx = lua_gettop(L);
  lua_createtable(L, (int)d->npara, 0);
  for (size_t i = 0; i < d->npara; i++) {
    push_para(L, kb, d, i);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  kset_top(L, doc_idx, KEY(paragraphs));

  /* sections, with children lists */
  lua_createtable(L, (int)d->nsections, 0);
  for (size_t i = 0; i < d->nsections; i++) {
    const rs_section *s = &d->sections[i];
    lua_createtable(L, 0, 14);
    kset_int(L, KEY(index), (lua_Integer)i + 1);
    kset_int(L, KEY(level), s->level);
    kset_int(L, KEY(p), s->para + 1);
    kset_str(L, KEY(marker), s->marker);
    kset_str(L, KEY(label), s->label);
    kset_int(L, KEY(ordinal), s->ordinal);
    char pc[2] = {s->punct, 0};
    kset_str(L, KEY(punct), pc);
    lua_pushboolean(L, s->space_after);
    kset_top(L, -2, KEY(space_after));
    push_span(L, kb, s->para, s->mstart, s->mend);
    kset_top(L, -2, KEY(marker_span));
    kset_str(L, KEY(title), s->title);
    if (s->parent >= 0) kset_int(L, KEY(parent), s->parent + 1);
    kset_int(L, KEY(end_p), s->end_para + 1);
    lua_newtable(L);
    kset_top(L, -2, KEY(children));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  for (size_t i = 0; i < d->nsections; i++) {
    if (d->sections[i].parent < 0) continue;
    lua_rawgeti(L, -1, d->sections[i].parent + 1);
    (lua_pushvalue(L, KEY(children)), lua_rawget(L, -2));
    lua_pushinteger(L, (lua_Integer)i + 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 2);
  }
  kset_top(L, doc_idx, KEY(sections));

  const rs_blocks *b = &d->blocks;
  lua_createtable(L, 0, 16);
  kset_para(L, KEY(agency_parent), b->agency_parent);
  kset_para(L, KEY(agency), b->agency);
  kset_para(L, KEY(agency_head), b->agency_head);
  kset_para(L, KEY(national_title), b->national_title);
  kset_para(L, KEY(motto), b->motto);
  kset_para(L, KEY(number), b->number);
  kset_para(L, KEY(place_date), b->place_date);
  kset_para(L, KEY(doc_type), b->doc_type);
  kset_para(L, KEY(summary), b->summary);
  kset_para(L, KEY(body_start), b->body_start);
  kset_para(L, KEY(closing), b->closing);
  kset_para(L, KEY(sig_authority), b->sig_authority);
  kset_para(L, KEY(sig_title), b->sig_title);
  kset_para(L, KEY(sig_name), b->sig_name);
  kset_para(L, KEY(recipients), b->recipients);
  kset_para(L, KEY(recipients_end), b->recipients_end);
  kset_para(L, KEY(kinh_gui), b->kinh_gui);
  kset_top(L, doc_idx, KEY(blocks));

  /* facts: all in order, then by kind; references resolved to tables */
  lua_createtable(L, (int)d->nfacts, 0);
  int all = lua_gettop(L);
  for (size_t i = 0; i < d->nfacts; i++) {
    const rs_fact *f = &d->facts[i];
    lua_createtable(L, 0, (int)f->nvals + 6);
    if (f->kind) {
      lua_pushvalue(L, KEY(kind));
      kpush(L, &km, f->kind);
      lua_rawset(L, -3);
    }
    kset_int(L, KEY(index), (lua_Integer)i + 1);
    if (f->para >= 0 && (size_t)f->para < d->npara) {
      kset_int(L, KEY(p), f->para + 1);
      kset_int(L, KEY(s), (lua_Integer)f->start + 1);
      kset_int(L, KEY(e), (lua_Integer)f->end);
      const rs_para *p = &d->paras[f->para];
      uint32_t e = f->end > p->len ? (uint32_t)p->len : f->end;
      uint32_t s = f->start > e ? e : f->start;
      lua_pushvalue(L, KEY(text));
      lua_pushlstring(L, p->text + s, e - s);
      lua_rawset(L, -3);
    }
    for (size_t k = 0; k < f->nvals; k++) {
      const rs_fval *v = &f->vals[k];
      if (v->type == RS_FV_REF || v->type == RS_FV_REFLIST) continue;
      kpush(L, &km, v->key); /* key, then value: no rotation */
      push_fact_value(L, v);
      lua_rawset(L, -3);
    }
    lua_rawseti(L, all, (lua_Integer)i + 1);
  }
  /* second pass: references */
  for (size_t i = 0; i < d->nfacts; i++) {
    const rs_fact *f = &d->facts[i];
    int has = 0;
    for (size_t k = 0; k < f->nvals; k++)
      if (f->vals[k].type == RS_FV_REF || f->vals[k].type == RS_FV_REFLIST) has = 1;
    if (!has) continue;
    lua_rawgeti(L, all, (lua_Integer)i + 1);
    for (size_t k = 0; k < f->nvals; k++) {
      const rs_fval *v = &f->vals[k];
      if (v->v.ref < 0 || (size_t)v->v.ref >= d->nfacts) continue;
      if (v->type == RS_FV_REF) {
        kpush(L, &km, v->key);
        lua_rawgeti(L, all, v->v.ref + 1);
        lua_rawset(L, -3);
      } else if (v->type == RS_FV_REFLIST) {
        if (kmget(L, &km, v->key) != LUA_TTABLE) {
          lua_pop(L, 1);
          lua_newtable(L);
          lua_pushvalue(L, -1);
          kmset_top(L, &km, -3, v->key);
        }
        lua_rawgeti(L, all, v->v.ref + 1);
        lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  /* by kind */
  lua_newtable(L);
  for (size_t i = 0; i < d->nfacts; i++) {
    const char *kind = d->facts[i].kind;
    if (kmget(L, &km, kind) != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      kmset_top(L, &km, -3, kind);
    }
    lua_rawgeti(L, all, (lua_Integer)i + 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
  }
  kset_top(L, doc_idx, KEY(facts_by_kind));
  kset_top(L, doc_idx, KEY(facts_list));
  lua_replace(L, kb); /* the document where the first key was */
  lua_settop(L, kb);
}

static int push_doc_k(lua_State *L) {
  const rs_doc *d = lua_touserdata(L, 1);
  lua_pop(L, 1);
  push_doc(L, d);
  return 1;
}

/* The document's tables are all live until its rules have run: collector
 * steps while they are being built only walk the state again, so the
 * collector waits until the view is built (and resumes even when building
 * fails, the error then going on to the caller). */
void rs_luadoc_push(lua_State *L, const rs_doc *d) {
  int running = lua_gc(L, LUA_GCISRUNNING);
  if (running) lua_gc(L, LUA_GCSTOP);
  lua_pushcfunction(L, push_doc_k);
  lua_pushlightuserdata(L, (void *)d);
  int rc = lua_pcall(L, 1, 1, 0);
  if (running) lua_gc(L, LUA_GCRESTART);
  if (rc != LUA_OK) lua_error(L);
}

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

void rs_luadoc_push_table(lua_State *L, const rs_table *t) {
  lua_createtable(L, 0, 5);
  set_str(L, "path", t->path);
  set_str(L, "name", t->name);
  lua_createtable(L, (int)t->ncols, 0);
  for (size_t c = 0; c < t->ncols; c++) {
    lua_pushstring(L, t->headers[c]);
    lua_rawseti(L, -2, (lua_Integer)c + 1);
  }
  lua_setfield(L, -2, "headers");
  lua_createtable(L, (int)t->nrows, 0);
  for (size_t r = 0; r < t->nrows; r++) {
    lua_createtable(L, 0, (int)t->ncols);
    for (size_t c = 0; c < t->ncols; c++) {
      lua_pushstring(L, t->rows[r][c] ? t->rows[r][c] : "");
      lua_setfield(L, -2, t->headers[c]);
    }
    set_int(L, "_row", (lua_Integer)r + 2);
    lua_rawseti(L, -2, (lua_Integer)r + 1);
  }
  lua_setfield(L, -2, "rows");
}
