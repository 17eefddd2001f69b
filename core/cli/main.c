/* rasoat command line: check, rules, explain, test-rules, docs. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cli.h"
#include "workflow.h"
#include "doc.h"
#include "chunkcache.h"
#include "engine.h"
#include "readers.h"
#include "report.h"

/* at most this many workers on one document (owner and helpers): past it
 * each one's own set-up costs more than its share of the rules saves */
#define RS_WORKERS_PER_DOC 2
/* results kept, at most, waiting for an earlier file to be written */
#define RS_REORDER_WINDOW 512

static volatile sig_atomic_t g_interrupted = 0;
static void on_sigint(int sig) {
  /* the first Ctrl-C finishes the files in progress and writes what is
   * done; a second one stops at once */
  g_interrupted = 1;
  signal(sig, SIG_DFL);
}

/* ---- where the built-in plugins and rules live ---- */

static char *data_dir(const char *sub) {
  const char *home = getenv("RASOAT_HOME");
  if (home) return rs_sprintf("%s/%s", home, sub);
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = 0;
      const char *ups[] = {"..", "../share/rasoat"};
      for (int i = 0; i < 2; i++) {
        char *p = rs_sprintf("%s/%s/%s", exe, ups[i], sub);
        struct stat st;
        if (p && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return p;
        free(p);
      }
    }
  }
  return rs_sprintf("%s/%s", RS_SOURCE_DIR, sub);
}

/* ---- options ---- */

typedef struct opts {
  const char *format;
  const char *output;
  const char *profile;
  const char *fail_on;
  const char *deadline;
  const char **plugins;
  size_t nplugins;
  const char **data;
  size_t ndata;
  const char **rules;
  size_t nrules;
  const char **limits;
  size_t nlimits;
  int jobs;
  int color; /* -1 auto */
  int no_builtin;
  const char *config;
  const char *baseline;
  const char *write_baseline;
  const char *summary;
  const char *manifest;
  int fix;
  int no_config;
} opts;

/* Do two paths name one file? The same path, the same existing file (a
 * link, "./a" and "a"), or, for files not written yet, the same name in
 * the same folder. */
static int same_file(const char *a, const char *b) {
  if (!a || !b) return 0;
  if (!strcmp(a, b)) return 1;
  struct stat sa, sb;
  int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
  if (ea && eb) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (ea || eb) return 0;
  const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
  const char *na = ba ? ba + 1 : a, *nb = bb ? bb + 1 : b;
  if (strcmp(na, nb)) return 0;
  char *da = ba ? rs_strndup(a, (size_t)(ba - a) + (ba == a)) : rs_strdup(".");
  char *db = bb ? rs_strndup(b, (size_t)(bb - b) + (bb == b)) : rs_strdup(".");
  int same = 0;
  if (da && db && stat(da, &sa) == 0 && stat(db, &sb) == 0) same = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  free(da);
  free(db);
  return same;
}

static void usage(FILE *f) {
  fputs("Cách dùng:\n"
        "  rasoat check [tùy chọn] ĐƯỜNG_DẪN...   kiểm tra tệp hoặc thư mục (.txt .docx .odt .html)\n"
        "    -f, --format text|json|jsonl|sarif|junit|html|csv   (mặc định text)\n"
        "    -o, --output TỆP        ghi kết quả ra tệp\n"
        "    -p, --profile TÊN|TỆP   hồ sơ quy tắc (mặc định: nhận từ tiêu đề, nếu không thì cchc-6-thang)\n"
        "    -d, --data TỆP          bảng dữ liệu .csv/.xlsx (lặp lại được)\n"
        "        --plugins THƯ_MỤC   thêm gói quy tắc (lặp lại được)\n"
        "        --rule MÃ=off|info|warning|error\n"
        "        --fail-on error|warning|info   (mặc định error)\n"
        "        --deadline dd/mm/yyyy          hạn nộp báo cáo\n"
        "    -j, --jobs N            số luồng (mặc định: số lõi)\n"
        "        --limit TÊN=GIÁ_TRỊ  đổi một giới hạn: file-size, inflated-size, ratio, xml-depth,\n"
        "                            paragraphs, rule-instructions, rule-time-ms, rule-memory, findings,\n"
        "                            regex-match, document-time-ms\n"
        "        --no-color\n"
        "        --no-cache          không dùng bộ đệm quy tắc đã biên dịch (~/.cache/rasoat)\n"
        "        --config TỆP        tệp cấu hình (mặc định: .rasoat.lua tìm từ thư mục của tệp lên trên)\n"
        "        --baseline TỆP      chỉ báo phát hiện mới so với báo cáo JSON trước\n"
        "        --write-baseline TỆP  ghi báo cáo JSON làm mốc so sánh\n"
        "        --summary TỆP.csv|.xlsx|.html  bảng tổng hợp mỗi báo cáo một dòng (kiểm tra hàng loạt)\n"
        "        --manifest TỆP.csv|.xlsx  danh sách tệp nhận được: path, commune, received (ngày nhận)\n"
        "        --fix               sửa các lỗi an toàn trong tệp .txt (vào -o TỆP, hoặc tại chỗ và giữ .bak)\n"
        "  rasoat rules [--format json]     liệt kê quy tắc\n"
        "  rasoat explain MÃ-QUY-TẮC        giải thích một quy tắc\n"
        "  rasoat test-rules [THƯ_MỤC...]   chạy các ví dụ trong quy tắc\n"
        "  rasoat --version\n"
        "Mã thoát: 0 không có phát hiện từ mức --fail-on; 1 có; 2 lỗi dùng lệnh, tệp không đọc được\n"
        "hoặc quy tắc bị lỗi.\n",
        f);
}

static void push_str(const char ***v, size_t *n, const char *s) {
  const char **nv = realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv) return;
  *v = nv;
  nv[(*n)++] = s;
}

enum { O_PLUGINS = 256, O_RULE, O_FAILON, O_NOCOLOR, O_DEADLINE, O_NOBUILTIN, O_COLOR, O_CONFIG, O_BASELINE,
       O_WBASELINE, O_FIX, O_NOCONFIG, O_SUMMARY, O_MANIFEST, O_LIMIT, O_NOCACHE };

static int parse_opts(int argc, char **argv, opts *o, int *first) {
  static const struct option lo[] = {
      {"format", required_argument, 0, 'f'},   {"output", required_argument, 0, 'o'},
      {"profile", required_argument, 0, 'p'},  {"data", required_argument, 0, 'd'},
      {"plugins", required_argument, 0, O_PLUGINS}, {"rule", required_argument, 0, O_RULE},
      {"fail-on", required_argument, 0, O_FAILON}, {"jobs", required_argument, 0, 'j'},
      {"no-color", no_argument, 0, O_NOCOLOR}, {"color", no_argument, 0, O_COLOR},
      {"deadline", required_argument, 0, O_DEADLINE},
      {"no-builtin", no_argument, 0, O_NOBUILTIN}, {"help", no_argument, 0, 'h'},
      {"config", required_argument, 0, O_CONFIG}, {"no-config", no_argument, 0, O_NOCONFIG},
      {"baseline", required_argument, 0, O_BASELINE}, {"write-baseline", required_argument, 0, O_WBASELINE},
      {"fix", no_argument, 0, O_FIX}, {"summary", required_argument, 0, O_SUMMARY},
      {"manifest", required_argument, 0, O_MANIFEST}, {"limit", required_argument, 0, O_LIMIT},
      {"no-cache", no_argument, 0, O_NOCACHE},
      {0, 0, 0, 0},
  };
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, "f:o:p:d:j:h", lo, NULL)) != -1) {
    switch (c) {
    case 'f': o->format = optarg; break;
    case 'o': o->output = optarg; break;
    case 'p': o->profile = optarg; break;
    case 'd': push_str(&o->data, &o->ndata, optarg); break;
    case O_PLUGINS: push_str(&o->plugins, &o->nplugins, optarg); break;
    case O_RULE: push_str(&o->rules, &o->nrules, optarg); break;
    case O_FAILON: o->fail_on = optarg; break;
    case O_NOCOLOR: o->color = 0; break;
    case O_COLOR: o->color = 1; break;
    case O_DEADLINE: o->deadline = optarg; break;
    case O_NOBUILTIN: o->no_builtin = 1; break;
    case O_CONFIG: o->config = optarg; break;
    case O_NOCONFIG: o->no_config = 1; break;
    case O_BASELINE: o->baseline = optarg; break;
    case O_WBASELINE: o->write_baseline = optarg; break;
    case O_FIX: o->fix = 1; break;
    case O_SUMMARY: o->summary = optarg; break;
    case O_MANIFEST: o->manifest = optarg; break;
    case O_LIMIT: push_str(&o->limits, &o->nlimits, optarg); break;
    case O_NOCACHE: rs_chunk_cache_disable(); break;
    case 'j': {
      char *end;
      long j = strtol(optarg, &end, 10);
      if (*end || j < 1 || j > 256) {
        fprintf(stderr, "rasoat: -j cần một số từ 1 đến 256\n");
        return -1;
      }
      o->jobs = (int)j;
      break;
    }
    case 'h': usage(stdout); exit(0);
    default: usage(stderr); return -1;
    }
  }
  *first = optind;
  return 0;
}

/* ---- engine set-up shared by the commands ---- */

/* "64M", "1G", "500000" */
static int parse_size(const char *s, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return -1;
  unsigned long long mul = 1;
  if (*end == 'K' || *end == 'k') mul = 1ULL << 10, end++;
  else if (*end == 'M' || *end == 'm') mul = 1ULL << 20, end++;
  else if (*end == 'G' || *end == 'g') mul = 1ULL << 30, end++;
  if (*end == 'B' || *end == 'b') end++;
  if (*end || (mul > 1 && v > (~0ULL) / mul)) return -1;
  *out = v * mul;
  return 0;
}

/* --limit NAME=VALUE: every limit of DESIGN.md and every rule budget */
static int apply_limit(rs_engine *e, const char *spec) {
  const char *eq = strchr(spec, '=');
  unsigned long long v;
  if (!eq || parse_size(eq + 1, &v) || v == 0) return -1;
  size_t n = (size_t)(eq - spec);
#define IS(name) (n == strlen(name) && !strncmp(spec, name, n))
  if (IS("file-size")) e->limits.max_file_bytes = (size_t)v;
  else if (IS("inflated-size")) e->limits.max_total_inflated = (size_t)v;
  else if (IS("ratio")) e->limits.max_ratio = (unsigned)v;
  else if (IS("xml-depth")) e->limits.max_xml_depth = (int)(v > 256 ? 256 : v);
  else if (IS("paragraphs")) e->limits.max_paragraphs = (size_t)v;
  else if (IS("rule-instructions")) e->budget.instructions = (long long)v;
  else if (IS("rule-time-ms")) e->budget.wall_ms = (long long)v;
  else if (IS("rule-memory")) e->budget.memory = (size_t)v;
  else if (IS("findings")) e->budget.max_findings = (size_t)v;
  else if (IS("regex-match")) e->budget.re_match_limit = (unsigned)v;
  else if (IS("document-time-ms")) e->budget.doc_ms = (long long)v;
  else return -1;
#undef IS
  return 0;
}

/* Everything but rule validation (the check command validates while its
 * workers already read the first files). */
static int setup_engine_base(rs_engine *e, const opts *o) {
  rs_engine_init(e);
  char *err = NULL;
  for (size_t i = 0; i < o->nlimits; i++) {
    if (apply_limit(e, o->limits[i])) {
      fprintf(stderr,
              "rasoat: --limit cần dạng TÊN=SỐ (file-size, inflated-size, ratio, xml-depth, paragraphs, "
              "rule-instructions, rule-time-ms, rule-memory, findings, regex-match, document-time-ms), nhận \"%s\"\n",
              o->limits[i]);
      return -1;
    }
  }
  if (o->profile) e->forced_profile = rs_strdup(o->profile);
  if (o->deadline) e->deadline = rs_strdup(o->deadline);
  for (size_t i = 0; i < o->nrules; i++) {
    if (rs_engine_override(e, o->rules[i], &err)) {
      fprintf(stderr, "rasoat: %s\n", err);
      free(err);
      return -1;
    }
  }
  if (!o->no_builtin) {
    char *pd = data_dir("plugins");
    if (rs_engine_load_plugins(e, pd)) {
      fprintf(stderr, "rasoat: không đọc được thư mục quy tắc %s\n", pd);
      free(pd);
      return -1;
    }
    free(pd);
  }
  for (size_t i = 0; i < o->nplugins; i++) {
    if (rs_engine_load_plugins(e, o->plugins[i])) {
      fprintf(stderr, "rasoat: không đọc được thư mục quy tắc %s: %s\n", o->plugins[i], rs_strerror_vi(errno));
      return -1;
    }
  }
  char *rd = data_dir("rules");
  int rc = rs_engine_load_profiles(e, rd, &err);
  free(rd);
  if (rc) {
    fprintf(stderr, "rasoat: %s\n", err ? err : "lỗi hồ sơ cấu hình");
    free(err);
    return -1;
  }
  for (size_t i = 0; i < o->ndata; i++) {
    rs_table *t = NULL;
    if (rs_table_read(o->data[i], &e->limits, &t, &err) < 0) {
      fprintf(stderr, "rasoat: %s: %s\n", o->data[i], err ? err : "không đọc được bảng dữ liệu");
      free(err);
      return -1;
    }
    rs_table **nt = realloc(e->tables, (e->ntables + 1) * sizeof *nt);
    if (!nt) return -1;
    e->tables = nt;
    e->tables[e->ntables++] = t;
  }
  if (o->manifest) {
    if (rs_table_read(o->manifest, &e->limits, &e->manifest, &err) < 0) {
      fprintf(stderr, "rasoat: %s: %s\n", o->manifest, err ? err : "không đọc được danh sách nộp báo cáo");
      free(err);
      return -1;
    }
  }
  rs_engine_index_manifest(e);
  if (e->manifest && !rs_engine_manifest_received(e))
    fprintf(stderr,
            "rasoat: %s: không có cột ngày nhận (received hoặc \"ngày nhận\"): không xét được báo cáo nào trễ hạn\n",
            o->manifest);
  return 0;
}

static int setup_engine(rs_engine *e, const opts *o) {
  if (setup_engine_base(e, o)) return -1;
  rs_engine_validate(e);
  return 0;
}

/* ---- inputs ---- */

typedef struct paths {
  char **v;
  size_t n, cap;
} paths;

static void paths_add(paths *p, const char *s) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 64;
    char **nv = realloc(p->v, p->cap * sizeof *nv);
    if (!nv) return;
    p->v = nv;
  }
  p->v[p->n++] = rs_strdup(s);
}

static int cmp_path(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* an input file, for finding the same file named twice */
typedef struct file_id {
  dev_t dev;
  ino_t ino;
  size_t idx; /* its place among the inputs */
} file_id;

static int cmp_file_id(const void *a, const void *b) {
  const file_id *x = a, *y = b;
  if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino) return x->ino < y->ino ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The folder of the per-file reports beside an HTML summary ("tong-hop.html"
 * -> "tong-hop.files"), or NULL when the summary is not HTML. */
static char *summary_files_dir(const char *summary) {
  const char *dot = summary ? strrchr(summary, '.') : NULL;
  if (!dot || (strcasecmp(dot, ".html") && strcasecmp(dot, ".htm"))) return NULL;
  return rs_sprintf("%.*s.files", (int)(dot - summary), summary);
}

/* path is one of the command line's inputs itself (not found in a folder) */
static int named_input(int argc, char **argv, int first, const char *path) {
  for (int a = first; a < argc; a++)
    if (!strcmp(argv[a], path)) return 1;
  return 0;
}

/* The inputs as they will be checked, each stat'ed once:
 *  - the run's own outputs from an earlier run, found in a folder being
 *    checked (-o, a baseline, a summary and the per-file reports beside an
 *    HTML summary), are not submissions; named on the command line, a file
 *    stays (and -o is refused later);
 *  - the same file named twice (a folder and a file in it, "./a" and "a", a
 *    link to it) is checked and listed once, at its first place. */
static void sift_inputs(paths *in, const opts *o, int argc, char **argv, int first) {
  const char *outs[3] = {o->output, o->summary, o->write_baseline};
  struct stat ost[3], lst;
  int have[3], have_links = 0;
  for (int k = 0; k < 3; k++) have[k] = outs[k] && stat(outs[k], &ost[k]) == 0 && S_ISREG(ost[k].st_mode);
  char *ld = summary_files_dir(o->summary);
  have_links = ld && stat(ld, &lst) == 0 && S_ISDIR(lst.st_mode);
  free(ld);
  file_id *ids = calloc(in->n ? in->n : 1, sizeof *ids);
  char *drop = calloc(in->n ? in->n : 1, 1);
  if (!ids || !drop) {
    free(ids);
    free(drop);
    return;
  }
  size_t nids = 0, own_n = 0, dup_n = 0;
  for (size_t i = 0; i < in->n; i++) {
    struct stat st;
    if (stat(in->v[i], &st) != 0) continue;
    int own = 0;
    if (!named_input(argc, argv, first, in->v[i])) {
      for (int k = 0; k < 3 && !own; k++) own = have[k] && st.st_dev == ost[k].st_dev && st.st_ino == ost[k].st_ino;
      const char *sl = strrchr(in->v[i], '/');
      if (!own && have_links && sl) {
        char *parent = rs_strndup(in->v[i], (size_t)(sl - in->v[i]));
        struct stat pst;
        own = parent && stat(parent, &pst) == 0 && pst.st_dev == lst.st_dev && pst.st_ino == lst.st_ino;
        free(parent);
      }
    }
    if (own) {
      drop[i] = 1;
      own_n++;
    } else if (S_ISREG(st.st_mode)) {
      ids[nids++] = (file_id){st.st_dev, st.st_ino, i};
    }
  }
  qsort(ids, nids, sizeof *ids, cmp_file_id);
  for (size_t k = 1; k < nids; k++)
    if (ids[k].dev == ids[k - 1].dev && ids[k].ino == ids[k - 1].ino) {
      drop[ids[k].idx] = 1;
      dup_n++;
    }
  size_t w = 0;
  for (size_t i = 0; i < in->n; i++) {
    if (drop[i]) free(in->v[i]);
    else in->v[w++] = in->v[i];
  }
  in->n = w;
  free(ids);
  free(drop);
  if (dup_n) fprintf(stderr, "rasoat: bỏ qua %zu tệp được nêu hơn một lần (cùng một tệp)\n", dup_n);
  if (own_n) fprintf(stderr, "rasoat: bỏ qua %zu tệp kết quả của rasoat (lần chạy trước) trong thư mục kiểm tra\n", own_n);
}

/* ---- check ---- */

typedef struct pool {
  rs_engine *e;
  char **paths;
  size_t n;
  rs_file_result *results;
  char *done;
  size_t next;
  size_t ndone;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int rule_failed;
  int ready;    /* the rules are validated: workers may be made */
  /* documents open for help (see rs_share): parts[i] while file i's rules
   * are being taken, helpers[i] workers on it besides its owner */
  rs_share **parts;
  /* results not yet written: a worker takes no file more than
   * RS_REORDER_WINDOW past the first one not written, so that one slow
   * document cannot make the others pile up in memory */
  size_t printed;
  int free_doc;     /* the output needs no document: workers free it */
  int *helpers;
  size_t preparing; /* files taken and still being read */
} pool;

static void wait_ready(pool *p) {
  pthread_mutex_lock(&p->mu);
  while (!p->ready) pthread_cond_wait(&p->cv, &p->mu);
  pthread_mutex_unlock(&p->mu);
}

/* Called with p->mu held: help with the rules of the first document still
 * open with rules left to take, if any (only files taken and not yet
 * written can be open). Returns 1 when it did (the lock was let go
 * meanwhile). */
static int help_one(pool *p, rs_worker *w) {
  for (size_t i = p->printed; i < p->next; i++) {
    rs_share *part = p->parts[i];
    if (!part || !rs_share_pending(part)) continue;
    p->helpers[i]++;
    pthread_mutex_unlock(&p->mu);
    rs_check_share(w, part);
    pthread_mutex_lock(&p->mu);
    p->helpers[i]--;
    pthread_cond_broadcast(&p->cv);
    return 1;
  }
  return 0;
}

/* No file left to take: help with the rules of documents still open, until
 * none is open and none is being read. A thread that never had a file makes
 * its worker while the first documents are read. */
static void help_others(pool *p, rs_worker **wp) {
  pthread_mutex_lock(&p->mu);
  while (!g_interrupted) {
    if (!*wp) {
      /* nothing to help with: no sandbox to make */
      int open = p->preparing > 0;
      for (size_t i = p->printed; !open && i < p->next; i++) open = p->parts[i] && rs_share_pending(p->parts[i]);
      if (!open) break;
      pthread_mutex_unlock(&p->mu);
      wait_ready(p);
      *wp = rs_worker_new_fresh(p->e);
      pthread_mutex_lock(&p->mu);
      if (!*wp) break;
      continue;
    }
    if (help_one(p, *wp)) continue;
    if (!p->preparing) break;
    pthread_cond_wait(&p->cv, &p->mu);
  }
  pthread_mutex_unlock(&p->mu);
}

/* A worker thread reads its first file (model and facts: no Lua) while the
 * main thread is still validating the rules, then makes its Lua worker. It
 * opens each document for help before running its rules. */
static void *worker_main(void *arg) {
  pool *p = arg;
  rs_worker *w = NULL;
  int made = 0;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->next < p->n && !g_interrupted && p->next >= p->printed + RS_REORDER_WINDOW) {
      /* the window is full: help with the document holding it up */
      if (w && help_one(p, w)) continue;
      pthread_cond_wait(&p->cv, &p->mu);
    }
    size_t i = p->next < p->n && !g_interrupted ? p->next++ : p->n;
    if (i < p->n) p->preparing++;
    pthread_mutex_unlock(&p->mu);
    if (i >= p->n) {
      help_others(p, &w);
      break;
    }
    rs_file_result fr;
    rs_doc *d = NULL;
    int rc = rs_prepare_file(p->e, p->paths[i], &fr, &d);
    if (d && !made) {
      wait_ready(p);
      if (!w) w = rs_worker_new(p->e);
      made = 1;
    }
    rs_share *part = d && w ? rs_share_new(p->e, d) : NULL;
    pthread_mutex_lock(&p->mu);
    p->preparing--;
    p->parts[i] = part;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    if (part) {
      rc = rs_check_share(w, part);
      /* no new helper; wait for those still on a rule */
      pthread_mutex_lock(&p->mu);
      p->parts[i] = NULL;
      while (p->helpers[i]) pthread_cond_wait(&p->cv, &p->mu);
      pthread_mutex_unlock(&p->mu);
      rc = rs_share_finish(w, part, &fr);
    } else if (d && w) {
      rc = rs_check_prepared(w, d, &fr);
    } else if (d) {
      rs_doc_free(d);
      rs_file_result_free(&fr);
      memset(&fr, 0, sizeof fr);
      fr.path = rs_strdup(p->paths[i]);
      fr.format = "unknown";
      fr.status = RS_FILE_FAILED;
      fr.error = rs_strdup("hết bộ nhớ khi tạo luồng kiểm tra");
      rc = RS_ENOMEM;
    }
    if (p->free_doc && fr.doc) {
      rs_doc_free(fr.doc);
      fr.doc = NULL;
    }
    pthread_mutex_lock(&p->mu);
    p->results[i] = fr;
    p->done[i] = 1;
    p->ndone++;
    if (rc == 1) p->rule_failed = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
  }
  rs_worker_free(w);
  return NULL;
}

static int cmd_check(int argc, char **argv) {
  opts o = {.format = "text", .fail_on = "error", .color = -1};
  int first;
  int status = 2;
  paths in = {0};
  rs_config cfg;
  memset(&cfg, 0, sizeof cfg);
  rs_engine e;
  memset(&e, 0, sizeof e);
  if (parse_opts(argc, argv, &o, &first)) goto fail;
  if (first >= argc) {
    fprintf(stderr, "rasoat: cần ít nhất một tệp hoặc thư mục để kiểm tra\n");
    usage(stderr);
    goto fail;
  }
  int fail_on_given = 0;
  for (int a = 1; a < argc; a++)
    if (!strncmp(argv[a], "--fail-on", 9)) fail_on_given = 1;
  rs_severity fail_on;
  if (rs_severity_parse(o.fail_on, &fail_on) || fail_on == RS_SEV_OFF) {
    fprintf(stderr, "rasoat: --fail-on cần error, warning hoặc info\n");
    goto fail;
  }
  static const char *const formats[] = {"text", "json", "jsonl", "sarif", "junit", "html", "csv", NULL};
  int fok = 0;
  for (const char *const *f = formats; *f; f++)
    if (!strcmp(*f, o.format)) fok = 1;
  if (!fok) {
    fprintf(stderr, "rasoat: định dạng không hỗ trợ \"%s\" (text, json, jsonl, sarif, junit, html, csv)\n", o.format);
    goto fail;
  }

  for (int i = first; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      paths found = {0};
      rs_walk(argv[i], &found.v, &found.n);
      if (!found.n)
        fprintf(stderr, "rasoat: thư mục %s không có tệp nào để kiểm tra (.txt, .docx, .odt, .html)\n", argv[i]);
      qsort(found.v, found.n, sizeof *found.v, cmp_path);
      for (size_t k = 0; k < found.n; k++) {
        paths_add(&in, found.v[k]);
        free(found.v[k]);
      }
      free(found.v);
    } else {
      paths_add(&in, argv[i]);
    }
  }
  sift_inputs(&in, &o, argc, argv, first);

  /* configuration: --config, or .rasoat.lua from the first input upward */
  char *cfg_path = NULL;
  if (o.config) cfg_path = rs_strdup(o.config);
  else if (!o.no_config) rs_config_find(argv[first], &cfg_path);
  if (cfg_path) {
    char *err = NULL;
    if (rs_config_load(cfg_path, &cfg, &err)) {
      fprintf(stderr, "rasoat: %s\n", err ? err : cfg_path);
      free(err);
      free(cfg_path);
      goto fail;
    }
    free(cfg_path);
    if (!o.profile) o.profile = cfg.profile;
    if (cfg.fail_on && !strcmp(o.fail_on, "error") && !fail_on_given) {
      o.fail_on = cfg.fail_on;
      if (rs_severity_parse(o.fail_on, &fail_on) || fail_on == RS_SEV_OFF) {
        fprintf(stderr, "rasoat: %s: fail_on cần error, warning hoặc info\n", cfg.path);
        goto fail;
      }
    }
    if (!o.deadline) o.deadline = cfg.deadline;
    /* the config's rules first, so that --rule on the command line wins */
    const char **rules = NULL;
    size_t nr = 0;
    for (size_t i = 0; i < cfg.nrules; i++) push_str(&rules, &nr, cfg.rules[i]);
    for (size_t i = 0; i < o.nrules; i++) push_str(&rules, &nr, o.rules[i]);
    free(o.rules);
    o.rules = rules;
    o.nrules = nr;
    for (size_t i = 0; i < cfg.ndata; i++) push_str(&o.data, &o.ndata, cfg.data[i]);
    for (size_t i = 0; i < cfg.nplugins; i++) push_str(&o.plugins, &o.nplugins, cfg.plugins[i]);
    /* ignored paths (files found in folders; files named explicitly are kept) */
    size_t w = 0;
    for (size_t i = 0; i < in.n; i++) {
      if (!named_input(argc, argv, first, in.v[i]) && rs_config_ignored(&cfg, in.v[i])) {
        free(in.v[i]);
        continue;
      }
      in.v[w++] = in.v[i];
    }
    /* say which configuration shaped the run, and what it left out */
    fprintf(stderr, "rasoat: dùng cấu hình %s", cfg.path);
    if (w < in.n) fprintf(stderr, "; bỏ qua %zu tệp theo mục ignore", in.n - w);
    fputc('\n', stderr);
    in.n = w;
  }
  if (o.fix && o.format && strcmp(o.format, "text") && !o.output) {
    /* fine: the report goes to stdout */
  }

  if (setup_engine_base(&e, &o)) {
    goto fail;
  }

  FILE *out = stdout;
  const char *fix_out = NULL;
  if (o.fix) {
    fix_out = o.output;
    o.output = NULL;
    if (fix_out && in.n != 1) {
      fprintf(stderr, "rasoat: --fix với -o chỉ nhận một tệp\n");
      goto fail;
    }
  }
  if (fix_out) {
    if (same_file(fix_out, in.v[0])) {
      fprintf(stderr, "rasoat: -o %s là chính tệp đầu vào; bỏ -o để sửa tại chỗ (có giữ bản .bak)\n", fix_out);
      goto fail;
    }
  }
  /* rasoat never writes to a file it reads (the manifest, a data table, a
   * baseline, the configuration, a profile file), nor two results into one
   * file: refused before anything is checked or written */
  {
    const char *outs[3] = {fix_out ? fix_out : o.output, o.summary, o.write_baseline};
    static const char *const out_opt[3] = {"-o", "--summary", "--write-baseline"};
    const char *reads[8];
    const char *read_opt[8];
    size_t nreads = 0;
#define READ(f, opt)                                                                                           \
  do {                                                                                                         \
    if ((f) && nreads < 8) {                                                                                   \
      reads[nreads] = (f);                                                                                     \
      read_opt[nreads++] = (opt);                                                                              \
    }                                                                                                          \
  } while (0)
    READ(o.manifest, "--manifest");
    READ(o.baseline, "--baseline");
    READ(cfg.path, "tệp cấu hình");
    READ(o.profile, "--profile");
#undef READ
    for (int k = 0; k < 3; k++) {
      if (!outs[k]) continue;
      const char *hit = NULL, *hit_opt = NULL;
      for (size_t r = 0; r < nreads && !hit; r++)
        if (same_file(outs[k], reads[r])) hit = reads[r], hit_opt = read_opt[r];
      for (size_t r = 0; r < o.ndata && !hit; r++)
        if (same_file(outs[k], o.data[r])) hit = o.data[r], hit_opt = "--data";
      if (hit) {
        fprintf(stderr, "rasoat: %s %s là tệp đầu vào (%s %s): rasoat không ghi vào tệp đầu vào\n", out_opt[k],
                outs[k], hit_opt, hit);
        goto fail;
      }
      for (int j = 0; j < k; j++)
        if (outs[j] && same_file(outs[k], outs[j])) {
          fprintf(stderr, "rasoat: %s và %s cùng ghi vào %s: hãy chọn hai tệp khác nhau\n", out_opt[j], out_opt[k],
                  outs[k]);
          goto fail;
        }
    }
  }
  /* files written at the end (the summary, a baseline): their folder must be
   * there and writable before hours of checking, not found missing after */
  {
    const char *late_outs[2] = {o.summary, o.write_baseline};
    for (int k = 0; k < 2; k++) {
      const char *f = late_outs[k];
      if (!f) continue;
      const char *sl = strrchr(f, '/');
      char *dir = sl ? (sl == f ? rs_strdup("/") : rs_strndup(f, (size_t)(sl - f))) : rs_strdup(".");
      struct stat dst, fst;
      int bad = !dir || stat(dir, &dst) != 0 || !S_ISDIR(dst.st_mode) || access(dir, W_OK) != 0;
      int is_dir = stat(f, &fst) == 0 && S_ISDIR(fst.st_mode);
      if (bad || is_dir) {
        fprintf(stderr, "rasoat: không ghi được %s: %s\n", f,
                is_dir ? "đó là một thư mục" : "thư mục chứa nó không có hoặc không ghi được");
        free(dir);
        goto fail;
      }
      free(dir);
    }
  }
  if (o.output) {
    for (size_t i = 0; i < in.n; i++) {
      if (same_file(o.output, in.v[i])) {
        fprintf(stderr, "rasoat: tệp kết quả %s trùng với một tệp đầu vào: rasoat không ghi vào tệp đầu vào\n",
                o.output);
        goto fail;
      }
    }
    out = fopen(o.output, "w");
    if (!out) {
      fprintf(stderr, "rasoat: không ghi được %s: %s\n", o.output, rs_strerror_vi(errno));
      goto fail;
    }
  }
  int color = o.color >= 0 ? o.color : (!o.output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));

  signal(SIGINT, on_sigint);
  signal(SIGPIPE, SIG_IGN);

  rs_baseline_set *bs = NULL;
  size_t baseline_dropped = 0;
  if (o.baseline) {
    char *err = NULL;
    if (rs_baseline_load(o.baseline, &bs, &err)) {
      fprintf(stderr, "rasoat: %s\n", err ? err : o.baseline);
      free(err);
      goto fail;
    }
  }
  int jobs = o.jobs > 0 ? o.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs < 1) jobs = 1;
  /* fewer files than workers: the others help with each document's rules,
   * up to RS_WORKERS_PER_DOC workers a document */
  if ((size_t)jobs > in.n * RS_WORKERS_PER_DOC) jobs = in.n ? (int)(in.n * RS_WORKERS_PER_DOC) : 1;

  /* submissions the manifest lists but no input is: reported as failed
   * files after the inputs, so that the summary has every listed commune */
  rs_file_result *unmatched = NULL;
  size_t nunmatched = rs_manifest_unmatched(&e, in.v, in.n, &unmatched);
  size_t total = in.n + nunmatched;

  /* jsonl, json and sarif are written as the files come, in order, and
   * each file's document and findings are freed once written (unless --fix
   * or --write-baseline still need them): memory stays flat for any number
   * of files. The other formats keep the findings; only text and html (and
   * --fix) need the document itself at the end, and an HTML summary needs
   * it for each file's own report. */
  int streaming = !strcmp(o.format, "jsonl") || !strcmp(o.format, "json") || !strcmp(o.format, "sarif");
  int keep_doc = !strcmp(o.format, "text") || !strcmp(o.format, "html") || o.fix;
  int keep_diags = !streaming || o.write_baseline || o.fix;
  char *links_dir = summary_files_dir(o.summary);
  int summary_html = links_dir != NULL;

  pool p = {.e = &e, .paths = in.v, .n = in.n};
  p.free_doc = !keep_doc && !summary_html; /* workers free it at once */
  p.results = calloc(total ? total : 1, sizeof *p.results);
  p.done = calloc(total ? total : 1, 1);
  for (size_t i = 0; p.results && p.done && i < nunmatched; i++) {
    p.results[in.n + i] = unmatched[i];
    p.done[in.n + i] = 1;
  }
  free(unmatched);
  p.parts = calloc(in.n ? in.n : 1, sizeof *p.parts);
  p.helpers = calloc(in.n ? in.n : 1, sizeof *p.helpers);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv, NULL);
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  for (int t = 0; t < jobs; t++) pthread_create(&th[t], NULL, worker_main, &p);
  /* the workers read their first files meanwhile */
  rs_engine_validate(&e);
  pthread_mutex_lock(&p.mu);
  p.ready = 1;
  pthread_cond_broadcast(&p.cv);
  pthread_mutex_unlock(&p.mu);

  rs_json_stream *js = NULL;
  rs_sarif_stream *ss = NULL;
  char **links = NULL;
  if (links_dir) {
    links = calloc(total ? total : 1, sizeof *links);
    if (mkdir(links_dir, 0755) != 0 && errno != EEXIST) {
      fprintf(stderr, "rasoat: không tạo được thư mục %s: %s\n", links_dir, rs_strerror_vi(errno));
      free(links_dir);
      links_dir = NULL;
    }
  }
  size_t printed = 0;
  int write_failed = 0;
  if (!strcmp(o.format, "json") && !(js = rs_out_json_begin(out))) write_failed = 1;
  if (!strcmp(o.format, "sarif") && !(ss = rs_out_sarif_begin(out, e.infos, e.nrules))) write_failed = 1;
  rs_progress prog;
  rs_progress_init(&prog, total, isatty(STDERR_FILENO) && total > 1);
  int out_tty = out == stdout && isatty(STDOUT_FILENO);
  pthread_mutex_lock(&p.mu);
  while (printed < total) {
    while (printed < total && p.done[printed]) {
      if (bs) baseline_dropped += rs_baseline_filter(bs, &p.results[printed], 1, total);
      rs_file_result_count(&p.results[printed]);
      if (links_dir) {
        /* this file's own HTML report, linked from the summary */
        rs_file_result *fr = &p.results[printed];
        pthread_mutex_unlock(&p.mu);
        const char *b = strrchr(fr->path, '/');
        char *name = rs_sprintf("%05zu-%s.html", printed + 1, b ? b + 1 : fr->path);
        for (char *c = name; c && *c; c++)
          if (*c == '/' || *c == '\\' || *c == '"' || *c == '\n' || *c == '#' || *c == '?' || *c == '%') *c = '_';
        char *full = name ? rs_sprintf("%s/%s", links_dir, name) : NULL;
        FILE *hf = full ? fopen(full, "w") : NULL;
        if (hf) {
          rs_report one = {.files = fr, .nfiles = 1, .rules = e.infos, .nrules = e.nrules};
          rs_out_opts ho = {0};
          rs_out_html(hf, &one, &ho);
          fclose(hf);
          const char *ld = strrchr(links_dir, '/');
          links[printed] = rs_sprintf("%s/%s", ld ? ld + 1 : links_dir, name);
        }
        free(full);
        free(name);
        pthread_mutex_lock(&p.mu);
      }
      {
        rs_file_result *fr = &p.results[printed];
        pthread_mutex_unlock(&p.mu);
        if (streaming && !write_failed) {
          /* the same terminal: no result written after the progress line */
          if (out_tty) rs_progress_clear(&prog);
          if (js) rs_out_json_file(js, fr);
          else if (ss) {
            if (rs_out_sarif_file(ss, fr)) write_failed = 1;
          } else rs_out_jsonl_file(out, fr);
          if (fflush(out) != 0) write_failed = 1;
        }
        /* keep the counts, free what the output no longer needs */
        if (!keep_doc) {
          rs_doc_free(fr->doc);
          fr->doc = NULL;
        }
        if (!keep_diags) rs_diags_free(&fr->diags);
        pthread_mutex_lock(&p.mu);
      }
      printed++;
      p.printed = printed;
      /* a worker may be waiting for the window to move */
      if (p.next >= printed + RS_REORDER_WINDOW - 1) pthread_cond_broadcast(&p.cv);
    }
    rs_progress_update(&prog, p.ndone);
    if (printed >= total) break;
    if (g_interrupted) {
      /* wait for files in progress, then stop */
      int busy = 0;
      for (size_t i = printed; i < p.next; i++)
        if (!p.done[i]) busy = 1;
      if (!busy) break;
    }
    pthread_cond_wait(&p.cv, &p.mu);
  }
  pthread_mutex_unlock(&p.mu);
  rs_progress_done(&prog);

  size_t nres = g_interrupted ? printed : total;
  rs_report r = {.files = p.results, .nfiles = nres, .rules = e.infos, .nrules = e.nrules,
                 .interrupted = g_interrupted ? 1 : 0};
  rs_out_opts oo = {.color = color, .fail_on = o.fail_on};
  int baseline_failed = 0;

  if (bs) {
    fprintf(stderr, "rasoat: bỏ qua %zu phát hiện đã có trong báo cáo gốc %s\n", baseline_dropped, o.baseline);
    rs_baseline_free(bs);
  }
  if (o.write_baseline) {
    FILE *bf = fopen(o.write_baseline, "w");
    if (!bf || rs_out_json(bf, &r, &oo) != 0 || fclose(bf) != 0) {
      fprintf(stderr, "rasoat: không ghi được %s: %s\n", o.write_baseline, rs_strerror_vi(errno));
      baseline_failed = 1;
    }
  }
  if (o.fix) {
    for (size_t i = 0; i < nres; i++) {
      if (p.results[i].status != RS_FILE_CHECKED) continue;
      char *err = NULL;
      size_t applied = 0;
      if (rs_fix_file(&e, &p.results[i], fix_out, &err, &applied)) {
        fprintf(stderr, "rasoat: %s\n", err ? err : "không sửa được");
        baseline_failed = 1;
      } else {
        fprintf(stderr, "rasoat: đã sửa %zu chỗ trong %s%s%s\n", applied, fix_out ? fix_out : p.results[i].path,
                fix_out ? "" : " (bản gốc: ", fix_out ? "" : ".bak)");
      }
      free(err);
    }
  }

  const char *sdot = o.summary ? strrchr(o.summary, '.') : NULL;
  if (o.summary && sdot && !strcasecmp(sdot, ".xlsx")) {
    if (rs_out_summary_xlsx(o.summary, &r)) {
      fprintf(stderr, "rasoat: không ghi được bảng tổng hợp %s\n", o.summary);
      baseline_failed = 1;
    }
  } else if (o.summary) {
    FILE *sf = fopen(o.summary, "w");
    int rc = -1;
    if (sf) {
      rc = summary_html ? rs_out_summary_html(sf, &r, links) : rs_out_summary_csv(sf, &r);
      if (fclose(sf) != 0) rc = -1;
    }
    if (rc) {
      fprintf(stderr, "rasoat: không ghi được bảng tổng hợp %s: %s\n", o.summary, rs_strerror_vi(errno));
      baseline_failed = 1;
    }
  }
  if (links) {
    for (size_t i = 0; i < total; i++) free(links[i]);
    free(links);
  }
  free(links_dir);

  /* plugin load problems */
  for (size_t i = 0; i < e.load_diags.n; i++) {
    const rs_diag *g = &e.load_diags.v[i];
    fprintf(stderr, "%s: error: %s [%s]\n", g->excerpt ? g->excerpt : "?", g->message, g->rule);
  }

  if (js) {
    if (rs_out_json_end(js, &r) != 0) write_failed = 1;
    js = NULL;
  }
  if (ss) {
    /* after a write failure the stream is only freed */
    if (rs_out_sarif_end(ss, write_failed ? NULL : &r) != 0) write_failed = 1;
    ss = NULL;
  }
  if (!streaming && !write_failed) {
    int rc = 0;
    if (!strcmp(o.format, "text")) rc = rs_out_text(out, &r, &oo);
    else if (!strcmp(o.format, "junit")) rc = rs_out_junit(out, &r, &oo);
    else if (!strcmp(o.format, "html")) rc = rs_out_html(out, &r, &oo);
    else if (!strcmp(o.format, "csv")) rc = rs_out_csv(out, &r, &oo);
    if (rc) write_failed = 1;
  }
  if (g_interrupted) fprintf(stderr, "rasoat: bị ngắt: đã kiểm tra %zu/%zu tệp\n", nres, total);
  if (fflush(out) != 0 || ferror(out)) write_failed = 1;
  int write_errno = errno;
  if (out != stdout && fclose(out) != 0) write_failed = 1;
  /* a report that could not be written whole (disk full, a closed pipe) is
   * an error: said (but for a reader that stopped reading) and exit 2 */
  if (write_failed && write_errno != EPIPE)
    fprintf(stderr, "rasoat: không ghi được đầy đủ kết quả%s%s: %s\n", o.output ? " vào " : "",
            o.output ? o.output : "", rs_strerror_vi(write_errno));

  status = 0;
  for (size_t i = 0; i < nres; i++) {
    const rs_file_result *fr = &p.results[i];
    if (fr->status == RS_FILE_FAILED || fr->rule_failed) status = 2;
    size_t at_or_above = fr->nerrors + (fail_on <= RS_SEV_WARNING ? fr->nwarnings : 0) +
                         (fail_on <= RS_SEV_INFO ? fr->ninfos : 0);
    if (status < 1 && at_or_above) status = 1;
  }
  if (p.rule_failed || e.load_diags.n || g_interrupted || baseline_failed || write_failed) status = 2;

  /* the workers close their sandboxes while the report is written */
  for (int t = 0; t < jobs; t++) pthread_join(th[t], NULL);
  for (size_t i = 0; i < total; i++)
    if (p.done[i]) rs_file_result_free(&p.results[i]);
  free(p.results);
  free(p.done);
  free(p.parts);
  free(p.helpers);
  free(th);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.cv);
  goto out;
fail:
  status = 2;
out:
  for (size_t i = 0; i < in.n; i++) free(in.v[i]);
  free(in.v);
  rs_engine_free(&e);
  free(o.plugins);
  free(o.data);
  free(o.rules);
  free(o.limits);
  rs_config_free(&cfg);
  return status;
}

/* ---- rules, explain ---- */

static int cmd_rules(int argc, char **argv) {
  opts o = {.format = "text", .color = -1};
  int first;
  if (parse_opts(argc, argv, &o, &first)) return 2;
  rs_engine e;
  if (setup_engine(&e, &o)) {
    rs_engine_free(&e);
    return 2;
  }
  if (!strcmp(o.format, "json")) rs_print_rules_json(stdout, &e);
  else rs_print_rules_table(stdout, &e);
  int st = e.load_diags.n ? 2 : 0;
  for (size_t i = 0; i < e.load_diags.n; i++)
    fprintf(stderr, "%s: error: %s [%s]\n", e.load_diags.v[i].excerpt, e.load_diags.v[i].message,
            e.load_diags.v[i].rule);
  rs_engine_free(&e);
  free(o.plugins);
  free(o.data);
  free(o.rules);
  return st;
}

static int cmd_explain(int argc, char **argv) {
  opts o = {.format = "text", .color = -1};
  int first;
  if (parse_opts(argc, argv, &o, &first)) return 2;
  if (first >= argc) {
    fprintf(stderr, "rasoat: explain cần mã quy tắc, ví dụ: rasoat explain arithmetic/percent\n");
    return 2;
  }
  rs_engine e;
  if (setup_engine(&e, &o)) {
    rs_engine_free(&e);
    return 2;
  }
  int st = rs_explain(stdout, &e, argv[first]);
  rs_engine_free(&e);
  free(o.plugins);
  free(o.data);
  free(o.rules);
  return st;
}

static int cmd_test_rules(int argc, char **argv) {
  opts o = {.format = "text", .color = -1};
  int first;
  if (parse_opts(argc, argv, &o, &first)) return 2;
  if (first < argc) {
    /* test only the given packs folders */
    o.no_builtin = 1;
    for (int i = first; i < argc; i++) push_str(&o.plugins, &o.nplugins, argv[i]);
  }
  rs_engine e;
  if (setup_engine(&e, &o)) {
    rs_engine_free(&e);
    return 2;
  }
  int st = rs_test_rules(stdout, &e);
  rs_engine_free(&e);
  free(o.plugins);
  free(o.data);
  free(o.rules);
  return st;
}

static int cmd_docs(int argc, char **argv) {
  opts o = {.format = "text", .color = -1};
  int first;
  if (parse_opts(argc, argv, &o, &first)) return 2;
  if (first >= argc) {
    fprintf(stderr, "rasoat: docs cần thư mục đích\n");
    return 2;
  }
  rs_engine e;
  if (setup_engine(&e, &o)) {
    rs_engine_free(&e);
    return 2;
  }
  int st = rs_write_docs(&e, argv[first]);
  rs_engine_free(&e);
  free(o.plugins);
  free(o.data);
  free(o.rules);
  return st;
}

/* The command closest to a mistyped one (at most two letters off), or NULL. */
static const char *closest_command(const char *w) {
  static const char *const cmds[] = {"check", "rules", "explain", "test-rules", "docs", NULL};
  const char *best = NULL;
  size_t best_d = 3, n = strlen(w);
  if (n > 32) return NULL;
  for (const char *const *c = cmds; *c; c++) {
    size_t m = strlen(*c), prev[40], cur[40];
    for (size_t j = 0; j <= m; j++) prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
      cur[0] = i;
      for (size_t j = 1; j <= m; j++) {
        size_t sub = prev[j - 1] + (w[i - 1] != (*c)[j - 1]);
        size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
        cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      }
      memcpy(prev, cur, (m + 1) * sizeof *prev);
    }
    if (prev[m] < best_d) {
      best_d = prev[m];
      best = *c;
    }
  }
  return best;
}

int main(int argc, char **argv) {
  xmlInitParser();
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("rasoat %s\n", RS_VERSION);
    return 0;
  }
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    usage(stdout);
    return 0;
  }
  int rc;
  if (!strcmp(cmd, "check")) rc = cmd_check(argc - 1, argv + 1);
  else if (!strcmp(cmd, "rules")) rc = cmd_rules(argc - 1, argv + 1);
  else if (!strcmp(cmd, "explain")) rc = cmd_explain(argc - 1, argv + 1);
  else if (!strcmp(cmd, "test-rules")) rc = cmd_test_rules(argc - 1, argv + 1);
  else if (!strcmp(cmd, "docs")) rc = cmd_docs(argc - 1, argv + 1);
  else {
    struct stat st;
    const char *near = closest_command(cmd);
    if (stat(cmd, &st) == 0)
      /* a clerk typing the file straight after the program's name */
      fprintf(stderr, "rasoat: \"%s\" không phải là lệnh; để kiểm tra nó, gõ: rasoat check %s\n", cmd, cmd);
    else if (near)
      fprintf(stderr, "rasoat: lệnh không rõ \"%s\"; có phải là \"%s\"?\n", cmd, near);
    else
      fprintf(stderr, "rasoat: lệnh không rõ \"%s\"\n", cmd);
    if (!near && stat(cmd, &st) != 0) usage(stderr);
    rc = 2;
  }
  xmlCleanupParser();
  return rc;
}
