#define _GNU_SOURCE /* asprintf */
/* Document model: numbering parser, section tree, header and closing blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "readers.h"
#include "reflow.h"

static rs_doc *from_lines(const char *s) {
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt_buffer("m.txt", s, strlen(s), RS_TXT_LINES, NULL, &d, &err), 0);
  assert_int_equal(rs_model_build(d), 0);
  return d;
}

static rs_doc *from_file(const char *path) {
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_txt(path, NULL, &d, &err);
  if (rc) fail_msg("%s: %s", path, err ? err : "?");
  assert_int_equal(rs_model_build(d), 0);
  return d;
}

static int find_exact(const rs_doc *d, const char *text) {
  for (size_t i = 0; i < d->npara; i++)
    if (!strcmp(d->paras[i].text, text)) return (int)i;
  return -1;
}

static int find_para(const rs_doc *d, const char *needle) {
  for (size_t i = 0; i < d->npara; i++)
    if (strstr(d->paras[i].text, needle)) return (int)i;
  return -1;
}

/* ---- the marker parser ---- */

static void test_marker_parse(void **st) {
  (void)st;
  struct {
    const char *s;
    int level, ordinal;
    char punct;
    size_t len;
    int space;
  } ok[] = {
      {"I. CÔNG TÁC", 1, 1, '.', 2, 1},
      {"IV. PHƯƠNG HƯỚNG", 1, 4, '.', 3, 1},
      {"XII.KẾT LUẬN", 1, 12, '.', 4, 0},
      {"1. Cải cách", 2, 1, '.', 2, 1},
      {"12) Mục", 2, 12, ')', 3, 1},
      {"2.Những tồn tại", 2, 2, '.', 2, 0},
      {"3- Kết quả", 2, 3, '-', 2, 1},
      {"a) Kết quả", 3, 1, ')', 2, 1},
      {"a,Kết quả", 3, 1, ',', 2, 0},
      {"b. Kết quả", 3, 2, '.', 2, 1},
      {"c- Kết quả", 3, 3, '-', 2, 1},
      {"đ) Kết quả", 3, 5, ')', 3, 1},
      {"e) Kết quả", 3, 6, ')', 2, 1},
      {"g) Kết quả", 3, 7, ')', 2, 1},
      {"y) Kết quả", 3, 23, ')', 2, 1},
      {"f) sai chữ", 3, 0, ')', 2, 1},
      {"- Như trên;", 4, 0, '-', 1, 1},
      {"+ Phù hợp", 4, 0, '+', 1, 1},
      /* a part with its word (label "Phần I") */
      {"PHẦN I. KẾT QUẢ", 1, 1, '.', 9, 1},
      {"Phần II: Phương hướng", 1, 2, ':', 10, 1},
      {"PHẦN IV - NHIỆM VỤ", 1, 4, '-', 11, 1},
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    rs_marker m;
    if (!rs_marker_parse(ok[i].s, strlen(ok[i].s), &m)) fail_msg("'%s' is a marker", ok[i].s);
    assert_int_equal(m.level, ok[i].level);
    assert_int_equal(m.ordinal, ok[i].ordinal);
    assert_int_equal(m.punct, ok[i].punct);
    assert_int_equal(m.len, ok[i].len);
    assert_int_equal(m.space_after, ok[i].space);
  }
  const char *no[] = {
      "1.395 hồ sơ",   "06 tháng đầu năm", "15/6/2023 là hạn", "2026. Cán bộ", "100% cán bộ",
      "3,4 hồ sơ",     "a, b và c",        "e-mail công vụ",   "Về công tác",  "VBQPPL; Kế hoạch",
      "IIII. sai",     "-5% so với",       "-",                "",             "Xã Đình Cao",
      "0. Không",      "2-3 người",        "b.c",
      "Phần I của báo cáo", "Phần lớn hồ sơ", "Phần 2. Kết quả", "PHẦN IIII. sai",
  };
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
    rs_marker m;
    if (rs_marker_parse(no[i], strlen(no[i]), &m)) fail_msg("'%s' is not a marker", no[i]);
  }
  assert_int_equal(rs_viet_letter_ordinal(0x0111), 5);
  assert_int_equal(rs_viet_letter_ordinal('d'), 4);
  assert_int_equal(rs_viet_letter_ordinal('e'), 6);
  assert_int_equal(rs_viet_letter_ordinal('i'), 9);
  assert_int_equal(rs_viet_letter_ordinal('k'), 10);
  assert_int_equal(rs_viet_letter_ordinal('x'), 22);
  assert_int_equal(rs_viet_letter_ordinal('w'), 0);
  assert_int_equal(rs_viet_letter_ordinal('z'), 0);
}

/* ---- sections ---- */

static void test_sections(void **st) {
  (void)st;
  rs_doc *d = from_lines("I. MỞ ĐẦU\n"                       /* 0 */
                         "1. Kết quả chung\n"                /* 1 */
                         "a) Điểm thứ nhất\n"                /* 2 */
                         "Nội dung điểm a.\n"                /* 3 */
                         "a,Điểm lặp lại\n"                  /* 4 */
                         "b. Điểm b\n"                       /* 5 */
                         "1.395 hồ sơ đã được giải quyết.\n" /* 6 */
                         "06 tháng đầu năm không có vi phạm.\n" /* 7 */
                         "đ) Điểm đ\n"                       /* 8 */
                         "2.Những tồn tại, hạn chế\n"        /* 9 */
                         "- Gạch đầu dòng\n"                 /* 10 */
                         "II. KẾT LUẬN\n"                    /* 11 */
                         "Nội dung kết luận.\n");            /* 12 */
  assert_int_equal(d->blocks.body_start, 0);
  assert_int_equal(d->nsections, 8);
  const rs_section *s = d->sections;
  const struct {
    int level, para, ordinal, parent, end_para, space;
    const char *marker, *label, *title;
    char punct;
  } want[] = {
      {1, 0, 1, -1, 10, 1, "I.", "I", "MỞ ĐẦU", '.'},
      {2, 1, 1, 0, 8, 1, "1.", "1", "Kết quả chung", '.'},
      {3, 2, 1, 1, 3, 1, "a)", "a", "Điểm thứ nhất", ')'},
      {3, 4, 1, 1, 4, 0, "a,", "a", "Điểm lặp lại", ','},
      {3, 5, 2, 1, 7, 1, "b.", "b", "Điểm b", '.'},
      {3, 8, 5, 1, 8, 1, "đ)", "đ", "Điểm đ", ')'},
      {2, 9, 2, 0, 10, 0, "2.", "2", "Những tồn tại, hạn chế", '.'},
      {1, 11, 2, -1, 12, 1, "II.", "II", "KẾT LUẬN", '.'},
  };
  for (size_t i = 0; i < 8; i++) {
    assert_int_equal(s[i].level, want[i].level);
    assert_int_equal(s[i].para, want[i].para);
    assert_int_equal(s[i].ordinal, want[i].ordinal);
    assert_int_equal(s[i].parent, want[i].parent);
    assert_int_equal(s[i].end_para, want[i].end_para);
    assert_int_equal(s[i].space_after, want[i].space);
    assert_string_equal(s[i].marker, want[i].marker);
    assert_string_equal(s[i].label, want[i].label);
    assert_string_equal(s[i].title, want[i].title);
    assert_int_equal(s[i].punct, want[i].punct);
    assert_int_equal(s[i].mstart, 0);
    assert_int_equal(s[i].mend, strlen(want[i].marker));
  }
  /* building again gives the same tree (and leaks nothing) */
  assert_int_equal(rs_model_build(d), 0);
  assert_int_equal(d->nsections, 8);
  rs_doc_free(d);
}

static void test_sections_offsets_labels_tables(void **st) {
  (void)st;
  rs_doc *d = rs_doc_new("x.docx", "docx");
  rs_doc_add_para_text(d, "   c) Điểm có thụt đầu dòng   ", strlen("   c) Điểm có thụt đầu dòng   "));
  rs_para *p = rs_doc_add_para_text(d, "Tiêu đề đánh số tự động", strlen("Tiêu đề đánh số tự động"));
  p->label = rs_strdup("b)");
  p = rs_doc_add_para_text(d, "1. Ô trong bảng", strlen("1. Ô trong bảng"));
  p->table = 1;
  p->row = 1;
  p->cell = 1;
  assert_int_equal(rs_model_build(d), 0);
  assert_int_equal(d->nsections, 2);
  assert_int_equal(d->sections[0].mstart, 3);
  assert_int_equal(d->sections[0].mend, 5);
  assert_string_equal(d->sections[0].title, "Điểm có thụt đầu dòng");
  assert_string_equal(d->sections[1].marker, "b)");
  assert_string_equal(d->sections[1].label, "b");
  assert_int_equal(d->sections[1].ordinal, 2);
  assert_int_equal(d->sections[1].mstart, 0);
  assert_int_equal(d->sections[1].mend, 0);
  assert_string_equal(d->sections[1].title, "Tiêu đề đánh số tự động");
  rs_doc_free(d);
}

/* ---- the sample ---- */

static void test_sample_model(void **st) {
  (void)st;
  rs_doc *d = from_file(RS_FIXTURES "/dinh-cao-cchc-6-thang-2023.txt");
  const rs_blocks *b = &d->blocks;
  assert_int_equal(b->summary, 0);
  assert_string_equal(d->paras[0].text, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023");
  assert_int_equal(b->body_start, 1);
  assert_int_equal(b->agency_parent, -1);
  assert_int_equal(b->agency, -1);
  assert_int_equal(b->national_title, -1);
  assert_int_equal(b->motto, -1);
  assert_int_equal(b->number, -1);
  assert_int_equal(b->place_date, -1);
  assert_int_equal(b->doc_type, -1);
  assert_int_equal(b->kinh_gui, -1);
  assert_int_equal(b->closing, find_para(d, "Trên đây là Báo cáo"));
  assert_int_equal(b->recipients, find_exact(d, "Nơi nhận:"));
  assert_int_equal(b->recipients_end, find_exact(d, "- Lưu: VT."));
  assert_int_equal(b->sig_authority, find_exact(d, "TM. ỦY BAN NHÂN DÂN"));
  assert_int_equal(b->sig_title, find_exact(d, "CHỦ TỊCH"));
  assert_int_equal(b->sig_name, -1);

  /* sections: 4 parts; II.1 holds a, a, b, d */
  int parts = 0, ii1 = -1;
  for (size_t i = 0; i < d->nsections; i++) {
    if (d->sections[i].level == 1) parts++;
    if (d->sections[i].level == 2 && d->sections[i].ordinal == 1 && !strcmp(d->sections[i].title, "Cải cách thể chế"))
      ii1 = (int)i;
  }
  assert_int_equal(parts, 4);
  assert_true(ii1 > 0);
  const char *kids[] = {"a,", "a)", "b)", "d,"};
  const int ords[] = {1, 1, 2, 4};
  size_t k = 0;
  for (size_t i = 0; i < d->nsections; i++) {
    if (d->sections[i].parent != ii1) continue;
    assert_true(k < 4);
    assert_string_equal(d->sections[i].marker, kids[k]);
    assert_int_equal(d->sections[i].ordinal, ords[k]);
    assert_int_equal(d->sections[i].level, 3);
    k++;
  }
  assert_int_equal(k, 4);
  /* "2.Những tồn tại": item 2 of III, no space after the marker */
  int found = 0;
  for (size_t i = 0; i < d->nsections; i++) {
    const rs_section *s = &d->sections[i];
    if (!strcmp(s->title, "Những tồn tại, hạn chế")) {
      found = 1;
      assert_string_equal(s->marker, "2.");
      assert_int_equal(s->space_after, 0);
      assert_int_equal(d->sections[s->parent].ordinal, 3);
      assert_int_equal(d->sections[s->parent].level, 1);
    }
    /* the last part stops before the closing */
    if (s->level == 1 && s->ordinal == 4) assert_int_equal(s->end_para, d->blocks.closing - 1);
    /* no section in the closing or signature */
    assert_true(s->para < d->blocks.closing);
  }
  assert_true(found);
  rs_doc_free(d);
}

/* ---- a complete header ---- */

static void test_header_blocks(void **st) {
  (void)st;
  rs_doc *d = from_file(RS_FIXTURES "/text/header-ok.txt");
  const rs_blocks *b = &d->blocks;
  assert_int_equal(b->agency_parent, find_exact(d, "UBND HUYỆN PHÙ CỪ"));
  assert_int_equal(b->agency, find_exact(d, "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO"));
  assert_int_equal(b->national_title, find_exact(d, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  assert_int_equal(b->motto, find_exact(d, "Độc lập - Tự do - Hạnh phúc"));
  assert_int_equal(b->number, find_exact(d, "Số: 85/BC-UBND"));
  assert_int_equal(b->place_date, find_exact(d, "Đình Cao, ngày 15 tháng 6 năm 2023"));
  assert_int_equal(b->doc_type, find_exact(d, "BÁO CÁO"));
  assert_int_equal(b->summary, find_para(d, "Kết quả thực hiện công tác cải cách hành chính 6 tháng"));
  assert_int_equal(b->kinh_gui, find_para(d, "Kính gửi:"));
  assert_int_equal(b->body_start, find_exact(d, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"));
  assert_int_equal(b->closing, find_para(d, "Trên đây là"));
  assert_int_equal(b->recipients, find_exact(d, "Nơi nhận:"));
  assert_int_equal(b->recipients_end, find_exact(d, "- Lưu: VT."));
  assert_int_equal(b->sig_authority, find_exact(d, "TM. ỦY BAN NHÂN DÂN"));
  assert_int_equal(b->sig_title, find_exact(d, "CHỦ TỊCH"));
  assert_int_equal(b->sig_name, find_exact(d, "Nguyễn Văn An"));
  /* the points a b c d đ e in order, đ = 5, e = 6 */
  int ords[8], n = 0;
  for (size_t i = 0; i < d->nsections; i++)
    if (d->sections[i].level == 3 && n < 8) ords[n++] = d->sections[i].ordinal;
  assert_int_equal(n, 6);
  for (int i = 0; i < 6; i++) assert_int_equal(ords[i], i + 1);
  rs_doc_free(d);
}

/* A header extracted from a two-column layout, a title over two lines,
 * "Kính gửi:" with a list, and a signature beside the recipients. */
static void test_two_column_blocks(void **st) {
  (void)st;
  rs_doc *d = from_lines("UBND HUYỆN PHÙ CỪ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" /* 0 */
                         "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO      Độc lập - Tự do - Hạnh phúc\n" /* 1 */
                         "-----------\n"                                              /* 2 */
                         "Số: 85/BC-UBND\t\tĐình Cao, ngày 15 tháng 6 năm 2023\n"      /* 3 */
                         "BÁO CÁO\n"                                                  /* 4 */
                         "Kết quả thực hiện công tác cải cách hành chính\n"           /* 5 */
                         "6 tháng đầu năm 2023\n"                                     /* 6 */
                         "Kính gửi:\n"                                                /* 7 */
                         "- Phòng Nội vụ huyện Phù Cừ;\n"                             /* 8 */
                         "- Văn phòng HĐND và UBND huyện.\n"                          /* 9 */
                         "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của UBND huyện, UBND xã báo cáo như sau:\n"
                         "I. KẾT QUẢ\n"                                               /* 11 */
                         "Nội dung.\n"                                                /* 12 */
                         "Ủy ban nhân dân xã trân trọng báo cáo./.\n"                 /* 13 */
                         "Nơi nhận:\t\t\tKT. CHỦ TỊCH\n"                              /* 14 */
                         "- Như trên;\t\t\tPHÓ CHỦ TỊCH\n"                            /* 15 */
                         "- Lưu: VT.\n"                                               /* 16 */
                         "\t\t\tTrần Thị Bình\n");                                    /* 17 */
  const rs_blocks *b = &d->blocks;
  assert_int_equal(b->agency_parent, 0);
  assert_int_equal(b->national_title, 0);
  assert_int_equal(b->agency, 1);
  assert_int_equal(b->motto, 1);
  assert_int_equal(b->number, 3);
  assert_int_equal(b->place_date, 3);
  assert_int_equal(b->doc_type, 4);
  assert_int_equal(b->summary, 5);
  assert_int_equal(b->kinh_gui, 7);
  assert_int_equal(b->body_start, 10);
  assert_int_equal(b->closing, 13);
  assert_int_equal(b->recipients, 14);
  assert_int_equal(b->sig_authority, 14);
  assert_int_equal(b->sig_title, 15);
  assert_int_equal(b->recipients_end, 16);
  assert_int_equal(b->sig_name, 17);
  assert_int_equal(d->nsections, 1);
  assert_int_equal(d->sections[0].end_para, 12);
  rs_doc_free(d);
}

static const char *report_str(const rs_doc *d, const char *key) {
  for (size_t i = 0; i < d->nfacts; i++)
    if (!strcmp(d->facts[i].kind, "report")) {
      const rs_fval *v = rs_fact_get(&d->facts[i], key);
      return v && v->type == RS_FV_STR ? v->v.s : NULL;
    }
  return NULL;
}

/* The agency set on two lines, "ỦY BAN NHÂN DÂN" over "XÃ ĐÌNH CAO" (the
 * usual commune header), is one agency, not a superior body over an agency:
 * in separate paragraphs (a header table's cell), in a two-column header
 * typed as text, and under a superior body. The report fact reads it from
 * the header, although the body names the district's committee more often;
 * a name stops at a column gap. */
static void test_agency_two_lines(void **st) {
  (void)st;
  static const char *const docs[] = {
      "ỦY BAN NHÂN DÂN\nXÃ ĐÌNH CAO\nSố: 85/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nĐình Cao, ngày 15 tháng 6 năm 2023\nBÁO CÁO\n",
      "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ ĐÌNH CAO      Độc lập - Tự do - Hạnh phúc\n"
      "Số: 85/BC-UBND      Đình Cao, ngày 15 tháng 6 năm 2023\nBÁO CÁO\n",
      "UBND HUYỆN PHÙ CỪ\nỦY BAN NHÂN DÂN\nXÃ ĐÌNH CAO\nSố: 85/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nĐình Cao, ngày 15 tháng 6 năm 2023\nBÁO CÁO\n"};
  static const int head[] = {0, 0, 1}, agency[] = {1, 1, 2}, parent[] = {-1, -1, 0};
  for (int k = 0; k < 3; k++) {
    char *text = NULL;
    assert_true(asprintf(&text, "%sKết quả thực hiện công tác cải cách hành chính\n"
                               "Thực hiện chỉ đạo của Ủy ban nhân dân huyện Phù Cừ, Ủy ban nhân dân huyện Phù Cừ "
                               "và Ủy ban nhân dân huyện Phù Cừ.\n", docs[k]) > 0);
    rs_doc *d = from_lines(text);
    free(text);
    const rs_blocks *b = &d->blocks;
    if (b->agency_head != head[k] || b->agency != agency[k] || b->agency_parent != parent[k])
      fail_msg("doc %d: head %d agency %d parent %d", k, b->agency_head, b->agency, b->agency_parent);
    assert_int_equal(rs_facts_extract(d), 0);
    assert_string_equal(report_str(d, "agency"), "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO");
    assert_string_equal(report_str(d, "agency_name"), "ĐÌNH CAO");
    assert_string_equal(report_str(d, "agency_level"), "xa");
    assert_string_equal(report_str(d, "agency_source"), "header");
    assert_string_equal(report_str(d, "agency_unit"), "Xã Đình Cao");
    rs_doc_free(d);
  }
  /* one line in a two-column header typed as text: the name ends at the gap */
  rs_doc *d = from_lines("ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "Số: 85/BC-UBND      Độc lập - Tự do - Hạnh phúc\nBÁO CÁO\nNội dung.\n");
  assert_int_equal(rs_facts_extract(d), 0);
  assert_string_equal(report_str(d, "agency_name"), "ĐÌNH CAO");
  assert_string_equal(report_str(d, "agency"), "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO");
  rs_doc_free(d);
  /* a ward and a town: the unit as the bulk summary shows it */
  d = from_lines("ỦY BAN NHÂN DÂN\nPHƯỜNG HIẾN NAM\nSố: 85/BC-UBND\nBÁO CÁO\nNội dung.\n");
  assert_int_equal(rs_facts_extract(d), 0);
  assert_string_equal(report_str(d, "agency_unit"), "Phường Hiến Nam");
  rs_doc_free(d);
  d = from_lines("ỦY BAN NHÂN DÂN THỊ TRẤN VƯƠNG\nSố: 85/BC-UBND\nBÁO CÁO\nNội dung.\n");
  assert_int_equal(rs_facts_extract(d), 0);
  assert_string_equal(report_str(d, "agency_unit"), "Thị trấn Vương");
  rs_doc_free(d);
}

/* A draft not yet numbered and dated: the blanks ("Số:      /BC-UBND",
 * "ngày      tháng") are no column gaps, so the number and the place-date
 * lines are still found, on their own lines or in a two-column header. */
static void test_blank_number_date(void **st) {
  (void)st;
  rs_doc *d = from_lines("ỦY BAN NHÂN DÂN\nXÃ ĐÌNH CAO\nSố:      /BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "Độc lập - Tự do - Hạnh phúc\nĐình Cao, ngày      tháng 6 năm 2023\nBÁO CÁO\nNội dung.\n");
  assert_int_equal(d->blocks.number, 2);
  assert_int_equal(d->blocks.place_date, 5);
  assert_int_equal(d->blocks.doc_type, 6);
  rs_doc_free(d);
  d = from_lines("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "XÃ ĐÌNH CAO      Độc lập - Tự do - Hạnh phúc\n"
                 "Số:      /BC-UBND      Đình Cao, ngày      tháng 6 năm 2023\nBÁO CÁO\nNội dung.\n");
  assert_int_equal(d->blocks.number, 2);
  assert_int_equal(d->blocks.place_date, 2);
  assert_int_equal(d->blocks.doc_type, 3);
  rs_doc_free(d);
}

static void test_empty_doc(void **st) {
  (void)st;
  rs_doc *d = from_lines("");
  assert_int_equal(d->nsections, 0);
  assert_int_equal(d->blocks.body_start, 0);
  assert_int_equal(d->blocks.summary, -1);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_marker_parse),
      cmocka_unit_test(test_sections),
      cmocka_unit_test(test_sections_offsets_labels_tables),
      cmocka_unit_test(test_sample_model),
      cmocka_unit_test(test_header_blocks),
      cmocka_unit_test(test_two_column_blocks),
      cmocka_unit_test(test_agency_two_lines),
      cmocka_unit_test(test_blank_number_date),
      cmocka_unit_test(test_empty_doc),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
