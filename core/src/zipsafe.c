/* Bounded reading of ZIP containers: see zipsafe.h. */
#include "zipsafe.h"

#include "doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zip.h>

struct rs_zip {
  zip_t *za;
  rs_limits lim;
  size_t total;       /* inflated so far */
  const char *kind;   /* "docx", "xlsx", "odt", "zip" */
};

#define RS_ZIP_MAX_ENTRIES 65536
#define RS_ZIP_CHUNK 65536

static const unsigned char OLE_MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

const char *rs_zip_kind(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  const char *slash = path ? strrchr(path, '/') : NULL;
  if (!dot || (slash && dot < slash)) return "zip";
  if (!strcasecmp(dot, ".docx") || !strcasecmp(dot, ".docm") || !strcasecmp(dot, ".doc") ||
      !strcasecmp(dot, ".dotx"))
    return "docx";
  if (!strcasecmp(dot, ".xlsx") || !strcasecmp(dot, ".xlsm") || !strcasecmp(dot, ".xls"))
    return "xlsx";
  if (!strcasecmp(dot, ".odt") || !strcasecmp(dot, ".ods") || !strcasecmp(dot, ".ott")) return "odt";
  return "zip";
}

/* "Word", "Excel", ... for messages that tell the clerk what to do. */
static const char *kind_app(const char *kind) {
  if (!strcmp(kind, "docx")) return "Word";
  if (!strcmp(kind, "xlsx")) return "Excel";
  if (!strcmp(kind, "odt")) return "LibreOffice Writer";
  return "chương trình đã tạo ra tệp";
}

static char *ole_message(const char *kind) {
  if (!strcmp(kind, "xlsx"))
    return rs_strdup("Tệp là bảng tính Excel cũ (.xls) hoặc .xlsx có mật khẩu: hãy mở bằng Excel và "
                     "lưu lại dưới dạng .xlsx không đặt mật khẩu");
  if (!strcmp(kind, "odt"))
    return rs_strdup("Tệp không phải .odt mà là tài liệu Word cũ (.doc) hoặc tệp có mật khẩu: hãy mở "
                     "bằng LibreOffice hoặc Word và lưu lại dưới dạng .odt (hoặc .docx) không đặt mật khẩu");
  return rs_strdup("Tệp là tài liệu Word cũ (.doc) hoặc .docx có mật khẩu: hãy mở bằng Word và lưu "
                   "lại dưới dạng .docx không đặt mật khẩu");
}

static char *corrupt_message(const char *kind, const char *detail) {
  int zip = !strcmp(kind, "zip");
  return rs_sprintf("Tệp %s%s bị hỏng hoặc không phải tệp nén ZIP%s%s%s: hãy mở bằng %s và lưu lại "
                    "dưới dạng .%s, rồi gửi lại tệp mới",
                    zip ? "nén" : ".", zip ? "" : kind, detail ? " (" : "", detail ? detail : "", detail ? ")" : "", kind_app(kind),
                    !strcmp(kind, "zip") ? "docx" : kind);
}

static char *part_corrupt(const rs_zip *z, const char *name) {
  return rs_sprintf("Tệp .%s bị hỏng: không giải nén được phần %s. Hãy mở bằng %s và lưu lại, rồi "
                    "gửi lại tệp mới",
                    z->kind, name, kind_app(z->kind));
}

int rs_zip_open(const char *path, const rs_limits *lim, rs_zip **out, char **err) {
  *out = NULL;
  *err = NULL;
  const char *kind = rs_zip_kind(path);
  struct stat st;
  if (stat(path, &st) != 0) {
    *err = rs_sprintf("Không đọc được tệp %s (%s)", path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = rs_sprintf("%s không phải là một tệp thông thường", path);
    return RS_EIO;
  }
  if ((unsigned long long)st.st_size > (unsigned long long)lim->max_file_bytes) {
    *err = rs_sprintf("Tệp %s%s quá lớn (%llu MiB, giới hạn %zu MiB): hãy kiểm tra lại tệp hoặc "
                      "tăng giới hạn kích thước",
                      !strcmp(kind, "zip") ? "nén" : ".", !strcmp(kind, "zip") ? "" : kind,
                      (unsigned long long)st.st_size >> 20, lim->max_file_bytes >> 20);
    return RS_ELIMIT;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    *err = rs_sprintf("Không mở được tệp %s (%s)", path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  unsigned char head[8] = {0};
  size_t nh = fread(head, 1, sizeof head, f);
  fclose(f);
  if (nh == sizeof head && !memcmp(head, OLE_MAGIC, sizeof head)) {
    *err = ole_message(kind);
    return RS_EFORMAT;
  }
  if (nh < 4 || head[0] != 'P' || head[1] != 'K' ||
      !((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) ||
        (head[2] == 7 && head[3] == 8))) {
    *err = corrupt_message(kind, nh == 0 ? "tệp rỗng" : NULL);
    return RS_EFORMAT;
  }
  int zerr = 0;
  zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (!za) {
    const char *detail = NULL;
    switch (zerr) {
    case ZIP_ER_MEMORY: *err = rs_strdup("Hết bộ nhớ khi mở tệp nén"); return RS_ENOMEM;
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
      *err = rs_sprintf("Không đọc được tệp %s", path);
      return RS_EIO;
    case ZIP_ER_NOZIP:
    case ZIP_ER_INCONS:
    case ZIP_ER_SEEK: detail = "có thể tệp bị cắt cụt khi sao chép hoặc tải về"; break;
    default: break;
    }
    *err = corrupt_message(kind, detail);
    return RS_EFORMAT;
  }
  zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0 || n > RS_ZIP_MAX_ENTRIES) {
    zip_discard(za);
    *err = rs_sprintf("Tệp .%s chứa quá nhiều phần (%lld, giới hạn %d): có thể là tệp độc hại",
                      kind, (long long)n, RS_ZIP_MAX_ENTRIES);
    return RS_ELIMIT;
  }
  rs_zip *z = calloc(1, sizeof *z);
  if (!z) {
    zip_discard(za);
    *err = rs_strdup("Hết bộ nhớ khi mở tệp nén");
    return RS_ENOMEM;
  }
  z->za = za;
  z->lim = *lim;
  z->kind = kind;
  *out = z;
  return RS_OK;
}

static zip_int64_t locate(rs_zip *z, const char *name) {
  if (!z || !name) return -1;
  zip_int64_t i = zip_name_locate(z->za, name, 0);
  if (i < 0) i = zip_name_locate(z->za, name, ZIP_FL_NOCASE);
  return i;
}

int rs_zip_has(rs_zip *z, const char *name) { return locate(z, name) >= 0; }

size_t rs_zip_count(rs_zip *z) {
  zip_int64_t n = z ? zip_get_num_entries(z->za, 0) : 0;
  return n > 0 ? (size_t)n : 0;
}

const char *rs_zip_name(rs_zip *z, size_t i) {
  return z ? zip_get_name(z->za, (zip_uint64_t)i, 0) : NULL;
}

size_t rs_zip_inflated(const rs_zip *z) { return z ? z->total : 0; }

static char *bomb_message(const rs_zip *z, const char *name) {
  return rs_sprintf("Tệp .%s có phần %s khi giải nén quá lớn hoặc có tỷ lệ nén bất thường (giới hạn "
                    "%zu MiB tổng cộng, tỷ lệ %u:1): có thể là tệp độc hại (zip bomb), đã dừng đọc. "
                    "Hãy kiểm tra nguồn gốc tệp, mở bằng %s và lưu lại nếu đó là văn bản thật",
                    z->kind, name, z->lim.max_total_inflated >> 20, z->lim.max_ratio,
                    kind_app(z->kind));
}

static int ratio_exceeded(const rs_zip *z, zip_uint64_t inflated, zip_uint64_t compressed) {
  if (inflated <= RS_ZIP_RATIO_GRACE || z->lim.max_ratio == 0) return 0;
  if (compressed == 0) return 1;
  return inflated / compressed > (zip_uint64_t)z->lim.max_ratio;
}

int rs_zip_read(rs_zip *z, const char *name, char **data, size_t *len, char **err) {
  *data = NULL;
  *len = 0;
  *err = NULL;
  zip_int64_t idx = locate(z, name);
  if (idx < 0) {
    *err = rs_sprintf("Tệp .%s thiếu phần %s: hãy mở bằng %s và lưu lại", z->kind, name,
                      kind_app(z->kind));
    return RS_EFORMAT;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0) {
    *err = part_corrupt(z, name);
    return RS_EFORMAT;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    *err = rs_sprintf("Tệp .%s có phần %s được mã hóa (đặt mật khẩu): hãy mở bằng %s và lưu lại "
                      "không đặt mật khẩu",
                      z->kind, name, kind_app(z->kind));
    return RS_EFORMAT;
  }
  size_t limit = z->lim.max_total_inflated > z->total ? z->lim.max_total_inflated - z->total : 0;
  zip_uint64_t csize = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if (st.valid & ZIP_STAT_SIZE) {
    /* declared size: refuse before inflating anything */
    if (st.size > (zip_uint64_t)limit || ratio_exceeded(z, st.size, csize)) {
      *err = bomb_message(z, name);
      return RS_ELIMIT;
    }
  }
  zip_file_t *zf = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
  if (!zf) {
    zip_error_t *ze = zip_get_error(z->za);
    int ec = ze ? zip_error_code_zip(ze) : 0;
    if (ec == ZIP_ER_NOPASSWD || ec == ZIP_ER_ENCRNOTSUPP || ec == ZIP_ER_WRONGPASSWD) {
      *err = rs_sprintf("Tệp .%s có phần %s được mã hóa (đặt mật khẩu): hãy mở bằng %s và lưu lại "
                        "không đặt mật khẩu",
                        z->kind, name, kind_app(z->kind));
    } else if (ec == ZIP_ER_COMPNOTSUPP) {
      *err = rs_sprintf("Tệp .%s có phần %s nén bằng phương pháp không hỗ trợ: hãy mở bằng %s và "
                        "lưu lại",
                        z->kind, name, kind_app(z->kind));
    } else {
      *err = part_corrupt(z, name);
    }
    return RS_EFORMAT;
  }
  /* initial buffer from the declared size (already bounded), grown as needed */
  size_t cap = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size + 1 : RS_ZIP_CHUNK + 1;
  if (cap < 64) cap = 64;
  char *buf = malloc(cap);
  if (!buf) {
    zip_fclose(zf);
    *err = rs_strdup("Hết bộ nhớ khi đọc tệp nén");
    return RS_ENOMEM;
  }
  size_t total = 0;
  int rc = RS_OK;
  for (;;) {
    if (total + RS_ZIP_CHUNK + 1 > cap) {
      size_t nc = cap * 2;
      while (nc < total + RS_ZIP_CHUNK + 1) nc *= 2;
      if (nc > limit + RS_ZIP_CHUNK + 1) nc = limit + RS_ZIP_CHUNK + 1;
      if (nc > cap) {
        char *nb = realloc(buf, nc);
        if (!nb) {
          rc = RS_ENOMEM;
          *err = rs_strdup("Hết bộ nhớ khi đọc tệp nén");
          break;
        }
        buf = nb;
        cap = nc;
      }
    }
    size_t want = cap - 1 - total;
    if (want > RS_ZIP_CHUNK) want = RS_ZIP_CHUNK;
    zip_int64_t r = zip_fread(zf, buf + total, want);
    if (r < 0) {
      rc = RS_EFORMAT;
      *err = part_corrupt(z, name);
      break;
    }
    if (r == 0) break;
    total += (size_t)r;
    if (total > limit || ratio_exceeded(z, total, csize)) {
      rc = RS_ELIMIT;
      *err = bomb_message(z, name);
      break;
    }
  }
  zip_fclose(zf);
  if (rc != RS_OK) {
    free(buf);
    return rc;
  }
  buf[total] = 0;
  z->total += total;
  *data = buf;
  *len = total;
  return RS_OK;
}

void rs_zip_close(rs_zip *z) {
  if (!z) return;
  zip_discard(z->za);
  free(z);
}
