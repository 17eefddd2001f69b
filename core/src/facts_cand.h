/* Candidate-position matching for fact patterns whose every match starts at
 * a known kind of character (owned with facts.c; see fx_match_cands). */
#ifndef RS_FACTS_CAND_H
#define RS_FACTS_CAND_H

#include "facts.h"

enum {
  FX_CAND_DIGIT = 1, /* a decimal digit (\d, i.e. Unicode Nd under PCRE2_UCP) */
  FX_CAND_NGAY = 2,  /* "ngày" in any case */
  /* with FX_CAND_DIGIT, for FX_RE_SYMBOL (\d{1,6}, an optional letter,
   * then \h* and '/' or '-'): an ASCII digit is skipped when its run of
   * ASCII digits is longer than 6, or ends the text, or is followed (after
   * an optional ASCII letter and ASCII spaces or tabs) by an ASCII
   * character other than '/' and '-' */
  FX_CAND_SYMTAIL = 4,
};

/* The leftmost match of pattern id at or after off, exactly as fx_match(c,
 * id, off, 0, ov) finds it, for a pattern whose every match starts at a
 * position of the kinds in `kinds`, where the code point before is not one
 * of the ASCII characters in `not_after` (the pattern's own look-behind
 * rejects those): the pattern is tried anchored at each such position in
 * turn instead of at every position of the text.
 * `then` (or NULL): for a pattern that starts with \d{1,2} and then needs
 * one of these ASCII characters, an ASCII digit is skipped when the first
 * character after its run of at most two ASCII digits is ASCII and not one
 * of them. */
int fx_match_cands(fx_ctx *c, fx_re_id id, size_t off, unsigned kinds, const char *not_after, const char *then,
                   PCRE2_SIZE **ov);

#endif
