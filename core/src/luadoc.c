/* The Lua view of a document (docs/lua-api.md). Built once per document as
 * plain tables; rules only ever see it through read-only proxies. Paragraph
 * indexes and spans are 1-based; spans are byte ranges {p, s, e} with e
 * inclusive, like string.find. */
#include <math.h>
#include <string.h>

#include "doc.h"
#include "worker.h"

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v) {
  if (isnan(v)) return;
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

/* 1-based paragraph index, or nothing when -1 */
static void set_para(lua_State *L, const char *k, int p) {
  if (p < 0) return;
  set_int(L, k, p + 1);
}

static void push_span(lua_State *L, int para, uint32_t s, uint32_t e) {
  lua_createtable(L, 0, 3);
  set_int(L, "p", para + 1);
  set_int(L, "s", (lua_Integer)s + 1);
  set_int(L, "e", (lua_Integer)e);
}

static const char *part_name(rs_part p) {
  switch (p) {
  case RS_PART_HEADER: return "header";
  case RS_PART_FOOTER: return "footer";
  case RS_PART_FOOTNOTE: return "footnote";
  default: return "body";
  }
}

static const char *align_name(rs_align a) {
  switch (a) {
  case RS_ALIGN_LEFT: return "left";
  case RS_ALIGN_CENTER: return "center";
  case RS_ALIGN_RIGHT: return "right";
  case RS_ALIGN_JUSTIFY: return "justify";
  default: return NULL;
  }
}

static void push_para(lua_State *L, const rs_doc *d, size_t i) {
  const rs_para *p = &d->paras[i];
  lua_createtable(L, 0, 16);
  set_int(L, "index", (lua_Integer)i + 1);
  lua_pushlstring(L, p->text, p->len);
  lua_setfield(L, -2, "text");
  set_int(L, "len", (lua_Integer)p->len);
  uint32_t line = 1, col = 1;
  if (p->nsegs) {
    line = p->segs[0].line;
    col = p->segs[0].col;
  }
  set_int(L, "line", line);
  set_int(L, "col", col);
  set_str(L, "part", part_name(p->part));
  if (p->table) {
    set_int(L, "table", p->table);
    set_int(L, "row", p->row);
    set_int(L, "cell", p->cell);
  }
  set_str(L, "label", p->label);
  set_str(L, "style", p->style);
  if (p->heading_level) set_int(L, "heading_level", p->heading_level);
  set_str(L, "align", align_name(p->align));
  set_num(L, "indent_first_mm", p->indent_first_mm);
  set_num(L, "space_before_pt", p->space_before_pt);
  set_num(L, "space_after_pt", p->space_after_pt);
  set_num(L, "line_spacing", p->line_spacing);
  if (p->nruns) {
    lua_createtable(L, (int)p->nruns, 0);
    for (size_t r = 0; r < p->nruns; r++) {
      const rs_run *u = &p->runs[r];
      lua_createtable(L, 0, 6);
      set_int(L, "s", (lua_Integer)u->start + 1);
      set_int(L, "e", (lua_Integer)u->end);
      set_str(L, "font", u->font);
      if (u->size_pt > 0) set_num(L, "size", u->size_pt);
      if (u->bold >= 0) {
        lua_pushboolean(L, u->bold);
        lua_setfield(L, -2, "bold");
      }
      if (u->italic >= 0) {
        lua_pushboolean(L, u->italic);
        lua_setfield(L, -2, "italic");
      }
      lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    lua_setfield(L, -2, "runs");
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

void rs_luadoc_push(lua_State *L, const rs_doc *d) {
  lua_createtable(L, 0, 16);
  set_str(L, "path", d->path);
  set_str(L, "format", d->format);
  set_str(L, "encoding", d->encoding);
  lua_pushboolean(L, d->reflowed);
  lua_setfield(L, -2, "reflowed");
  lua_pushboolean(L, d->tracked_changes);
  lua_setfield(L, -2, "tracked_changes");
  if (d->page.known) {
    lua_createtable(L, 0, 6);
    set_num(L, "width_mm", d->page.width_mm);
    set_num(L, "height_mm", d->page.height_mm);
    set_num(L, "top_mm", d->page.top_mm);
    set_num(L, "bottom_mm", d->page.bottom_mm);
    set_num(L, "left_mm", d->page.left_mm);
    set_num(L, "right_mm", d->page.right_mm);
    lua_setfield(L, -2, "page");
  }

  int doc_idx = lua_gettop(L);
  lua_createtable(L, (int)d->npara, 0);
  for (size_t i = 0; i < d->npara; i++) {
    push_para(L, d, i);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, doc_idx, "paragraphs");

  /* sections, with children lists */
  lua_createtable(L, (int)d->nsections, 0);
  for (size_t i = 0; i < d->nsections; i++) {
    const rs_section *s = &d->sections[i];
    lua_createtable(L, 0, 14);
    set_int(L, "index", (lua_Integer)i + 1);
    set_int(L, "level", s->level);
    set_int(L, "p", s->para + 1);
    set_str(L, "marker", s->marker);
    set_str(L, "label", s->label);
    set_int(L, "ordinal", s->ordinal);
    char pc[2] = {s->punct, 0};
    set_str(L, "punct", pc);
    lua_pushboolean(L, s->space_after);
    lua_setfield(L, -2, "space_after");
    push_span(L, s->para, s->mstart, s->mend);
    lua_setfield(L, -2, "marker_span");
    set_str(L, "title", s->title);
    if (s->parent >= 0) set_int(L, "parent", s->parent + 1);
    set_int(L, "end_p", s->end_para + 1);
    lua_newtable(L);
    lua_setfield(L, -2, "children");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  for (size_t i = 0; i < d->nsections; i++) {
    if (d->sections[i].parent < 0) continue;
    lua_rawgeti(L, -1, d->sections[i].parent + 1);
    lua_getfield(L, -1, "children");
    lua_pushinteger(L, (lua_Integer)i + 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 2);
  }
  lua_setfield(L, doc_idx, "sections");

  const rs_blocks *b = &d->blocks;
  lua_createtable(L, 0, 16);
  set_para(L, "agency_parent", b->agency_parent);
  set_para(L, "agency", b->agency);
  set_para(L, "national_title", b->national_title);
  set_para(L, "motto", b->motto);
  set_para(L, "number", b->number);
  set_para(L, "place_date", b->place_date);
  set_para(L, "doc_type", b->doc_type);
  set_para(L, "summary", b->summary);
  set_para(L, "body_start", b->body_start);
  set_para(L, "closing", b->closing);
  set_para(L, "sig_authority", b->sig_authority);
  set_para(L, "sig_title", b->sig_title);
  set_para(L, "sig_name", b->sig_name);
  set_para(L, "recipients", b->recipients);
  set_para(L, "recipients_end", b->recipients_end);
  set_para(L, "kinh_gui", b->kinh_gui);
  lua_setfield(L, doc_idx, "blocks");

  /* facts: all in order, then by kind; references resolved to tables */
  lua_createtable(L, (int)d->nfacts, 0);
  int all = lua_gettop(L);
  for (size_t i = 0; i < d->nfacts; i++) {
    const rs_fact *f = &d->facts[i];
    lua_createtable(L, 0, (int)f->nvals + 6);
    set_str(L, "kind", f->kind);
    set_int(L, "index", (lua_Integer)i + 1);
    if (f->para >= 0 && (size_t)f->para < d->npara) {
      set_int(L, "p", f->para + 1);
      set_int(L, "s", (lua_Integer)f->start + 1);
      set_int(L, "e", (lua_Integer)f->end);
      const rs_para *p = &d->paras[f->para];
      uint32_t e = f->end > p->len ? (uint32_t)p->len : f->end;
      uint32_t s = f->start > e ? e : f->start;
      lua_pushlstring(L, p->text + s, e - s);
      lua_setfield(L, -2, "text");
    }
    for (size_t k = 0; k < f->nvals; k++) {
      const rs_fval *v = &f->vals[k];
      if (v->type == RS_FV_REF || v->type == RS_FV_REFLIST) continue;
      push_fact_value(L, v);
      lua_setfield(L, -2, v->key);
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
        lua_rawgeti(L, all, v->v.ref + 1);
        lua_setfield(L, -2, v->key);
      } else if (v->type == RS_FV_REFLIST) {
        if (lua_getfield(L, -1, v->key) != LUA_TTABLE) {
          lua_pop(L, 1);
          lua_newtable(L);
          lua_pushvalue(L, -1);
          lua_setfield(L, -3, v->key);
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
    if (lua_getfield(L, -1, kind) != LUA_TTABLE) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, -3, kind);
    }
    lua_rawgeti(L, all, (lua_Integer)i + 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
  }
  lua_setfield(L, doc_idx, "facts_by_kind");
  lua_setfield(L, doc_idx, "facts_list");
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
