/* Folder walking and the progress bar. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "doc.h"
#include "readers.h"

typedef struct seen {
  dev_t dev;
  ino_t ino;
} seen;

/* A file a reader is registered for (readers.c): the drafts, and the
 * formats that are refused with what to do (.doc, .pdf, .rtf, .wps), so
 * that they are listed rather than lost. */
static int supported(const char *name) { return rs_reader_for(name, NULL) != NULL; }

static void add(char ***out, size_t *n, char *s) {
  char **nv = realloc(*out, (*n + 1) * sizeof *nv);
  if (!nv) {
    free(s);
    return;
  }
  *out = nv;
  nv[(*n)++] = s;
}

/* An archive already unpacked beside itself ("xa-a.zip" and a folder
 * "xa-a"): its files are walked in that folder, so it is not listed as a
 * submission that could not be read. */
static int unpacked_archive(const char *path) {
  if (!rs_is_archive(path)) return 0;
  const char *dot = strrchr(path, '.');
  char *stem = rs_strndup(path, (size_t)(dot - path));
  struct stat st;
  int yes = stem && stat(stem, &st) == 0 && S_ISDIR(st.st_mode);
  free(stem);
  return yes;
}

static void walk(const char *dir, char ***out, size_t *n, seen **stack, size_t depth) {
  struct stat st;
  if (stat(dir, &st) != 0) return;
  for (size_t i = 0; i < depth; i++)
    if ((*stack)[i].dev == st.st_dev && (*stack)[i].ino == st.st_ino) {
      fprintf(stderr, "rasoat: bỏ qua vòng lặp liên kết tượng trưng tại %s\n", dir);
      return;
    }
  seen *ns = realloc(*stack, (depth + 1) * sizeof *ns);
  if (!ns) return;
  *stack = ns;
  ns[depth].dev = st.st_dev;
  ns[depth].ino = st.st_ino;
  DIR *d = opendir(dir);
  if (!d) {
    /* keep it: it will be reported as a file that cannot be read */
    add(out, n, rs_strdup(dir));
    return;
  }
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    size_t l = strlen(dir);
    char *full = rs_sprintf("%s%s%s", dir, l && dir[l - 1] == '/' ? "" : "/", de->d_name);
    if (!full) continue;
    struct stat es;
    if (stat(full, &es) != 0) {
      if (supported(de->d_name)) add(out, n, full);
      else free(full);
      continue;
    }
    if (S_ISDIR(es.st_mode)) {
      walk(full, out, n, stack, depth + 1);
      free(full);
    } else if (supported(de->d_name) && !unpacked_archive(full)) {
      /* regular files, and FIFOs or devices named like drafts: listed so
       * that the report says what became of them */
      add(out, n, full);
    } else {
      free(full);
    }
  }
  closedir(d);
}

void rs_walk(const char *dir, char ***out, size_t *n) {
  seen *stack = NULL;
  walk(dir, out, n, &stack, 0);
  free(stack);
}

void rs_progress_init(rs_progress *p, size_t total, int on) {
  memset(p, 0, sizeof *p);
  p->total = total;
  p->on = on;
  clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void rs_progress_update(rs_progress *p, size_t done) {
  if (!p->on || (done == p->last && p->shown)) return;
  p->last = done;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double el = (double)(now.tv_sec - p->start.tv_sec) + (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
  double rate = el > 0 ? (double)done / el : 0;
  double left = rate > 0 ? (double)(p->total - done) / rate : 0;
  int width = 30, fill = p->total ? (int)((double)width * (double)done / (double)p->total) : width;
  fprintf(stderr, "\r[");
  for (int i = 0; i < width; i++) fputc(i < fill ? '#' : '.', stderr);
  fprintf(stderr, "] %zu/%zu tệp, %.0f tệp/giây, còn %.0f giây   ", done, p->total, rate, left);
  fflush(stderr);
  p->shown = 1;
}

void rs_progress_clear(rs_progress *p) {
  if (!p->on || !p->shown) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  p->shown = 0;
}

void rs_progress_done(rs_progress *p) {
  if (p->on) fputs("\r\033[K", stderr);
}
