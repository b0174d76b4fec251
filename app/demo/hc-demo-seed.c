/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-demo-seed-private.h"
#include "hc-demo-seed.h"
#include "hc-demo-store.h"
#include "hc-demo-text.h"

/* A believable national data center. Every figure comes from one GRand
 * seeded with --seed, so the same seed gives the same center; only the
 * anchor ("now") moves with the wall clock. This file seeds the feeds,
 * the datasets and the storage; the security alerts are seeded in
 * hc-demo-seed-alerts.c. */

const char * const hc_demo_provinces[34] = {
  /* Centrally governed cities */
  "Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
  /* Provinces unchanged by the merger */
  "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
  "Hà Tĩnh", "Cao Bằng",
  /* Provinces formed by the merger */
  "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
  "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai",
  "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
};

/* Templates hold up to two "%s" slots; filled by hand so the format
 * strings stay data, never passed to printf. */
char *
hc_demo_seed_fill (const char *tpl,
                   const char *a,
                   const char *b)
{
  GString *out = g_string_new (NULL);
  const char *args[2] = { a, b };
  guint used = 0;

  for (const char *p = tpl; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's' && used < 2)
        {
          g_string_append (out, args[used++] ? args[used - 1] : "");
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_city (guint province)
{
  return province < 6;
}

static char *
province_agency (guint province)
{
  return g_strdup_printf (is_city (province) ? "UBND thành phố %s" : "UBND tỉnh %s",
                          hc_demo_provinces[province]);
}

/* ---- sources ------------------------------------------------------------ */

typedef struct {
  const char *agency;
  const char *name;
  const char *kind;
  const char *schedule;
  gint64      agreed_delay;
  double      rps;
} SourceTemplate;

/* Agencies carry their names after the 2025 government restructuring:
 * Bộ Nông nghiệp và Môi trường took over Bộ Tài nguyên và Môi trường,
 * Bộ Tài chính took over business registration from Bộ Kế hoạch và Đầu tư,
 * Bộ Xây dựng took over transport, Bộ Nội vụ took over labour. */
static const SourceTemplate national_sources[] = {
  { "Bộ Công an", "Dân cư — đồng bộ biến động", "stream", "continuous", 300, 420.0 },
  { "Bộ Công an", "Căn cước điện tử — cấp mới, cấp đổi", "api", "*/15 * * * *", 900, 85.0 },
  { "Bộ Công an", "Đăng ký xe — Cục Cảnh sát giao thông", "batch", "0 */2 * * *", 7200, 140.0 },
  { "Bộ Công an", "Cư trú — thường trú, tạm trú", "stream", "continuous", 300, 260.0 },
  { "Bộ Tài chính", "Đăng ký doanh nghiệp — Cục Quản lý đăng ký kinh doanh", "api", "*/10 * * * *", 900, 12.0 },
  { "Bộ Tài chính", "Hóa đơn điện tử — Cục Thuế", "stream", "continuous", 300, 1850.0 },
  { "Bộ Tài chính", "Mã số thuế cá nhân — Cục Thuế", "batch", "0 1 * * *", 86400, 310.0 },
  { "Bộ Tài chính", "Tờ khai hải quan — Cục Hải quan", "stream", "continuous", 600, 95.0 },
  { "Bộ Tài chính", "Chi ngân sách — Kho bạc Nhà nước", "batch", "0 2 * * *", 86400, 55.0 },
  { "Bảo hiểm xã hội Việt Nam", "Thẻ bảo hiểm y tế", "api", "*/5 * * * *", 600, 230.0 },
  { "Bảo hiểm xã hội Việt Nam", "Quá trình đóng bảo hiểm xã hội", "batch", "0 3 * * *", 86400, 640.0 },
  { "Bảo hiểm xã hội Việt Nam", "Chi trả lương hưu, trợ cấp", "batch", "0 4 * * *", 86400, 120.0 },
  { "Bộ Y tế", "Hồ sơ sức khỏe điện tử", "stream", "continuous", 600, 380.0 },
  { "Bộ Y tế", "Giấy chứng sinh, giấy báo tử", "api", "*/30 * * * *", 1800, 9.0 },
  { "Bộ Y tế", "Tiêm chủng quốc gia", "batch", "0 */6 * * *", 21600, 410.0 },
  { "Bộ Y tế", "Giấy phép hành nghề khám bệnh, chữa bệnh", "batch", "0 5 * * 1", 604800, 4.0 },
  { "Bộ Giáo dục và Đào tạo", "Cơ sở dữ liệu ngành giáo dục — học sinh, sinh viên", "batch", "0 22 * * *", 86400, 520.0 },
  { "Bộ Giáo dục và Đào tạo", "Văn bằng, chứng chỉ", "api", "0 * * * *", 3600, 18.0 },
  { "Bộ Giáo dục và Đào tạo", "Thi tốt nghiệp trung học phổ thông", "batch", "0 0 * * 0", 604800, 260.0 },
  { "Bộ Nông nghiệp và Môi trường", "Đất đai — biến động thửa đất", "stream", "continuous", 900, 75.0 },
  { "Bộ Nông nghiệp và Môi trường", "Quan trắc môi trường tự động", "stream", "continuous", 300, 960.0 },
  { "Bộ Nông nghiệp và Môi trường", "Tài nguyên nước", "batch", "0 6 * * *", 86400, 22.0 },
  { "Bộ Tư pháp", "Hộ tịch điện tử — khai sinh, kết hôn, khai tử", "stream", "continuous", 600, 48.0 },
  { "Bộ Tư pháp", "Lý lịch tư pháp", "api", "*/20 * * * *", 1200, 6.0 },
  { "Bộ Tư pháp", "Đăng ký biện pháp bảo đảm", "batch", "30 1 * * *", 86400, 35.0 },
  { "Bộ Xây dựng", "Đăng kiểm phương tiện cơ giới", "batch", "0 */4 * * *", 14400, 65.0 },
  { "Bộ Xây dựng", "Giấy phép lái xe", "api", "*/15 * * * *", 900, 40.0 },
  { "Bộ Nội vụ", "Cán bộ, công chức, viên chức", "batch", "0 23 * * *", 86400, 30.0 },
  { "Bộ Nội vụ", "Lao động, việc làm và bảo hiểm thất nghiệp", "batch", "0 21 * * *", 86400, 150.0 },
  { "Bộ Nội vụ", "Người có công với cách mạng", "batch", "0 20 * * 6", 604800, 8.0 },
  { "Ngân hàng Nhà nước Việt Nam", "Thông tin tín dụng — CIC", "batch", "0 0 * * *", 86400, 700.0 },
  { "Văn phòng Chính phủ", "Cổng Dịch vụ công quốc gia — hồ sơ thủ tục", "stream", "continuous", 300, 180.0 },
  { "Bộ Khoa học và Công nghệ", "Thuê bao di động — xác thực chính chủ", "api", "*/10 * * * *", 900, 300.0 },
  { "Thanh tra Chính phủ", "Kê khai tài sản, thu nhập", "batch", "0 2 1 * *", 2678400, 3.0 },
};

typedef struct {
  const char *name;   /* %s is the province */
  const char *kind;
  const char *schedule;
  gint64      agreed_delay;
  double      rps;
} ProvinceTemplate;

static const ProvinceTemplate province_sources[] = {
  { "Hộ tịch — Sở Tư pháp %s", "api", "*/30 * * * *", 1800, 6.0 },
  { "Đất đai — Văn phòng đăng ký đất đai %s", "batch", "0 1 * * *", 86400, 28.0 },
  { "Một cửa điện tử — %s", "stream", "continuous", 600, 14.0 },
  { "Y tế cơ sở — Sở Y tế %s", "batch", "0 3 * * *", 86400, 45.0 },
};

static const char * const run_failures[] = {
  "Hết thời gian chờ kết nối tới máy chủ nguồn (30 giây).",
  "Chứng chỉ TLS của máy chủ nguồn đã hết hạn.",
  "Tệp dữ liệu sai định dạng: thiếu cột so_dinh_danh.",
  "Máy chủ nguồn trả về HTTP 503 (dịch vụ tạm ngừng).",
  "Vượt hạn mức 10 000 bản ghi mỗi phút theo thỏa thuận.",
  "Chữ ký số của gói dữ liệu không hợp lệ.",
  "Kết nối bị ngắt khi đang truyền (đã nhận 61% gói).",
};

const char *
hc_demo_seed_run_failure (GRand *rand)
{
  return run_failures[g_rand_int_range (rand, 0, G_N_ELEMENTS (run_failures))];
}

static gint64
run_interval (const char *kind,
              gint64      agreed_delay)
{
  if (g_str_equal (kind, "stream"))
    return 900;
  return MAX (agreed_delay / 2, 600);
}

static gboolean
seed_sources (sqlite3 *db,
              GRand   *rand,
              guint    n,
              gint64   now)
{
  sqlite3_stmt *src = NULL, *run = NULL;
  guint n_runs = n > 1000 ? 12 : 50;
  guint per_round = G_N_ELEMENTS (national_sources) + G_N_ELEMENTS (hc_demo_provinces);

  sqlite3_prepare_v2 (db, "INSERT INTO sources (id, name, agency, kind, status, schedule, agreed_delay,"
                          " last_success_at, lag_seconds, rps, last_run, search)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &src, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO runs (source_id, started_at, finished_at, records, bytes, outcome, error)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &run, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("src-%05u", i + 1);
      g_autofree char *name = NULL;
      g_autofree char *agency = NULL;
      g_autofree char *search = NULL;
      g_autofree char *folded = NULL;
      const char *kind, *schedule, *status;
      gint64 agreed, lag, last_success = 0, interval, t, last_rid = 0;
      double rps, r = g_rand_double (rand);
      guint slot = i % per_round, round = i / per_round;

      if (slot < G_N_ELEMENTS (national_sources))
        {
          const SourceTemplate *tpl = &national_sources[slot];

          name = g_strdup (tpl->name);
          agency = g_strdup (tpl->agency);
          kind = tpl->kind;
          schedule = tpl->schedule;
          agreed = tpl->agreed_delay;
          rps = tpl->rps;
        }
      else
        {
          guint province = slot - G_N_ELEMENTS (national_sources);
          const ProvinceTemplate *tpl = &province_sources[(province + round) % G_N_ELEMENTS (province_sources)];

          name = hc_demo_seed_fill (tpl->name, hc_demo_provinces[province], NULL);
          agency = province_agency (province);
          kind = tpl->kind;
          schedule = tpl->schedule;
          agreed = tpl->agreed_delay;
          rps = tpl->rps * (1.0 + (guchar) hc_demo_provinces[province][0] % 7 / 3.0);
        }
      if (round > 0)
        {
          char *more = g_strdup_printf ("%s — kênh %u", name, round + 1);
          g_free (name);
          name = more;
        }
      rps *= g_rand_double_range (rand, 0.7, 1.3);

      if (r < 0.80)
        status = "ok";
      else if (r < 0.90)
        status = "lagging";
      else if (r < 0.95)
        status = "failed";
      else
        status = "paused";

      interval = run_interval (kind, agreed);
      if (g_str_equal (status, "ok"))
        lag = g_rand_int_range (rand, 0, (gint32) MIN (agreed / 2, 3600) + 1);
      else if (g_str_equal (status, "lagging"))
        lag = agreed + (gint64) (agreed * g_rand_double_range (rand, 0.2, 4.0));
      else if (g_str_equal (status, "failed"))
        lag = interval + g_rand_int_range (rand, 600, 7200);
      else
        lag = g_rand_int_range (rand, 86400, 86400 * 9);

      /* Runs oldest first so rowids grow with time, like real ones; the
       * last one ended `lag` seconds ago. */
      for (guint k = 0; k < n_runs; k++)
        {
          gboolean last = k == n_runs - 1;
          gboolean fail = last ? g_str_equal (status, "failed") : g_rand_double (rand) < 0.04;
          gint64 duration = g_rand_int_range (rand, 20, 900);
          gint64 records = fail ? 0 : (gint64) (rps * duration * g_rand_double_range (rand, 0.8, 1.2));
          gint64 end = now - lag - interval * (gint64) (n_runs - 1 - k);

          if (last && g_str_equal (status, "failed"))
            end = now - g_rand_int_range (rand, 60, 3000);
          end = MIN (end, now - 1);
          t = end - duration;
          sqlite3_reset (run);
          sqlite3_bind_text (run, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (run, 2, t);
          sqlite3_bind_int64 (run, 3, end);
          sqlite3_bind_int64 (run, 4, records);
          sqlite3_bind_int64 (run, 5, records * g_rand_int_range (rand, 400, 1400));
          sqlite3_bind_text (run, 6, fail ? "failure" : "success", -1, SQLITE_STATIC);
          if (fail)
            sqlite3_bind_text (run, 7, hc_demo_seed_run_failure (rand), -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (run, 7);
          if (sqlite3_step (run) != SQLITE_DONE)
            return FALSE;
          last_rid = sqlite3_last_insert_rowid (db);
          if (!fail)
            last_success = end;
        }

      search = g_strdup_printf ("%s %s %s %s", id, name, agency, kind);
      folded = hc_demo_text_fold (search);
      sqlite3_reset (src);
      sqlite3_bind_text (src, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (src, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (src, 3, agency, -1, SQLITE_STATIC);
      sqlite3_bind_text (src, 4, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (src, 5, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (src, 6, schedule, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (src, 7, agreed);
      if (last_success > 0)
        sqlite3_bind_int64 (src, 8, last_success);
      else
        sqlite3_bind_null (src, 8);
      sqlite3_bind_int64 (src, 9, g_str_equal (status, "paused") ? 0 : MAX (lag, 0));
      sqlite3_bind_double (src, 10, g_str_equal (status, "paused") ? 0.0 : rps);
      sqlite3_bind_int64 (src, 11, last_rid);
      sqlite3_bind_text (src, 12, folded, -1, SQLITE_STATIC);
      if (sqlite3_step (src) != SQLITE_DONE)
        return FALSE;
    }

  sqlite3_finalize (src);
  sqlite3_finalize (run);
  return TRUE;
}

/* ---- datasets ----------------------------------------------------------- */

typedef enum { DOMAIN_PERSON, DOMAIN_LAND, DOMAIN_ENTERPRISE, DOMAIN_VEHICLE } Domain;

typedef struct {
  const char *name;
  const char *owner;
  double      records_millions;
  Domain      domain;
} DatasetTemplate;

static const DatasetTemplate national_datasets[] = {
  { "Cơ sở dữ liệu quốc gia về dân cư", "Bộ Công an", 106.2, DOMAIN_PERSON },
  { "Căn cước và định danh điện tử", "Bộ Công an", 87.4, DOMAIN_PERSON },
  { "Đăng ký phương tiện giao thông", "Bộ Công an", 79.1, DOMAIN_VEHICLE },
  { "Cơ sở dữ liệu quốc gia về đất đai", "Bộ Nông nghiệp và Môi trường", 52.3, DOMAIN_LAND },
  { "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", "Bộ Tài chính", 2.1, DOMAIN_ENTERPRISE },
  { "Cơ sở dữ liệu quốc gia về bảo hiểm", "Bảo hiểm xã hội Việt Nam", 93.6, DOMAIN_PERSON },
  { "Cơ sở dữ liệu hộ tịch điện tử toàn quốc", "Bộ Tư pháp", 61.8, DOMAIN_PERSON },
  { "Cơ sở dữ liệu ngành giáo dục", "Bộ Giáo dục và Đào tạo", 24.5, DOMAIN_PERSON },
  { "Hồ sơ sức khỏe điện tử", "Bộ Y tế", 70.2, DOMAIN_PERSON },
  { "Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức", "Bộ Nội vụ", 2.5, DOMAIN_PERSON },
  { "Cơ sở dữ liệu quốc gia về thuế", "Bộ Tài chính", 68.9, DOMAIN_ENTERPRISE },
  { "Cơ sở dữ liệu lý lịch tư pháp", "Bộ Tư pháp", 9.3, DOMAIN_PERSON },
  { "Cơ sở dữ liệu tiêm chủng quốc gia", "Bộ Y tế", 96.4, DOMAIN_PERSON },
  { "Văn bằng, chứng chỉ", "Bộ Giáo dục và Đào tạo", 31.7, DOMAIN_PERSON },
  { "Cơ sở dữ liệu về lao động, việc làm", "Bộ Nội vụ", 51.2, DOMAIN_PERSON },
  { "Cơ sở dữ liệu giấy phép lái xe", "Bộ Xây dựng", 45.8, DOMAIN_VEHICLE },
};

typedef struct {
  const char *criterion;
  const char *description;
  const char *field;
  const char *values[2];   /* failing values; NULL means the field was empty */
  const char *reasons[2];
} RuleTemplate;

/* Per domain: two rules for each of đúng, đủ, sạch, sống. */
static const RuleTemplate person_rules[8] = {
  { "correct", "Số định danh cá nhân có đủ 12 chữ số và mã tỉnh nơi đăng ký khai sinh hợp lệ.", "so_dinh_danh",
    { "00108901234", "099189012345" }, { "Thiếu một chữ số (11 chữ số).", "Mã tỉnh 099 không có trong danh mục." } },
  { "correct", "Ngày sinh là ngày có thật, không sau ngày kiểm tra và không trước năm 1900.", "ngay_sinh",
    { "1987-02-30", "2091-05-14" }, { "Ngày 30 tháng 2 không tồn tại.", "Ngày sinh ở tương lai." } },
  { "complete", "Có đủ các trường bắt buộc: họ tên, ngày sinh, giới tính, nơi thường trú.", "noi_thuong_tru",
    { NULL, "" }, { "Thiếu nơi thường trú.", "Nơi thường trú để trống." } },
  { "complete", "Số bản ghi nhận được đủ so với số bản ghi dự kiến của kỳ đồng bộ.", "ky_dong_bo",
    { "2026-W02", "2026-W03" }, { "Nhận 96,1% số bản ghi dự kiến.", "Thiếu gói dữ liệu của 2 xã." } },
  { "clean", "Không có hai bản ghi trùng số định danh cá nhân.", "so_dinh_danh",
    { "001089012345", "079203004567" }, { "Trùng với một bản ghi khác cùng số định danh.", "Hai bản ghi trùng, khác nơi thường trú." } },
  { "clean", "Nơi thường trú khớp với Cơ sở dữ liệu quốc gia về dân cư.", "noi_thuong_tru",
    { "Phường Hoàn Kiếm, Hà Nội", "Xã Tân Hưng, Cà Mau" }, { "Không khớp nơi thường trú trong CSDL dân cư.", "Xã đã sáp nhập năm 2025, chưa cập nhật." } },
  { "live", "Thay đổi được đồng bộ trong thời hạn đã thỏa thuận với cơ quan chủ quản.", "ngay_cap_nhat",
    { "2025-12-01", "2025-11-17" }, { "Chậm 3 ngày so với thời hạn 24 giờ.", "Chậm 17 ngày so với thời hạn." } },
  { "live", "Bản ghi được xác thực lại với nguồn gốc trong vòng 12 tháng.", "ngay_xac_thuc",
    { "2024-06-30", "2023-12-12" }, { "Quá 12 tháng chưa xác thực lại.", "Quá 24 tháng chưa xác thực lại." } },
};

static const RuleTemplate land_rules[8] = {
  { "correct", "Mã đơn vị hành chính cấp xã thuộc danh mục sau sắp xếp năm 2025.", "ma_xa",
    { "00004", "26734" }, { "Mã xã cũ, đã bị thay thế sau sắp xếp.", "Mã xã không có trong danh mục." } },
  { "correct", "Diện tích thửa đất là số dương và khớp bản đồ địa chính (sai lệch không quá 5%).", "dien_tich",
    { "-12.5", "1840.0" }, { "Diện tích âm.", "Lệch 18% so với bản đồ địa chính." } },
  { "complete", "Có đủ người sử dụng đất, mục đích sử dụng và diện tích.", "muc_dich_su_dung",
    { NULL, "" }, { "Thiếu mục đích sử dụng đất.", "Mục đích sử dụng để trống." } },
  { "complete", "Số thửa đất nhận được đủ so với sổ mục kê của xã.", "so_muc_ke",
    { "Tờ 12", "Tờ 31" }, { "Thiếu 14 thửa so với sổ mục kê.", "Thiếu toàn bộ tờ bản đồ." } },
  { "clean", "Không có hai thửa đất trùng số thửa trên cùng một tờ bản đồ.", "so_thua",
    { "245", "17" }, { "Trùng số thửa trên tờ bản đồ 8.", "Trùng số thửa sau khi gộp xã." } },
  { "clean", "Người sử dụng đất có số định danh khớp với Cơ sở dữ liệu quốc gia về dân cư.", "so_dinh_danh_chu",
    { "036178001234", "001065009876" }, { "Không tìm thấy trong CSDL dân cư.", "Họ tên không khớp với CSDL dân cư." } },
  { "live", "Biến động đất đai được cập nhật trong 5 ngày làm việc.", "ngay_bien_dong",
    { "2025-10-02", "2025-09-15" }, { "Chậm 21 ngày làm việc.", "Chậm 35 ngày làm việc." } },
  { "live", "Bản đồ địa chính được đối soát trong vòng 24 tháng.", "ngay_doi_soat",
    { "2022-03-01", "2021-08-20" }, { "Quá 24 tháng chưa đối soát.", "Quá 4 năm chưa đối soát." } },
};

static const RuleTemplate enterprise_rules[8] = {
  { "correct", "Mã số doanh nghiệp có 10 chữ số và chữ số kiểm tra đúng.", "ma_so_doanh_nghiep",
    { "010010123", "0312345670" }, { "Chỉ có 9 chữ số.", "Chữ số kiểm tra sai." } },
  { "correct", "Ngành nghề kinh doanh thuộc Hệ thống ngành kinh tế Việt Nam (VSIC 2018).", "ma_nganh",
    { "99999", "4610A" }, { "Mã ngành không có trong VSIC 2018.", "Mã ngành sai định dạng." } },
  { "complete", "Có đủ người đại diện theo pháp luật, địa chỉ trụ sở và vốn điều lệ.", "nguoi_dai_dien",
    { NULL, "" }, { "Thiếu người đại diện theo pháp luật.", "Người đại diện để trống." } },
  { "complete", "Số hồ sơ nhận được đủ so với số hồ sơ đã tiếp nhận tại địa phương.", "ky_dong_bo",
    { "2026-01-05", "2026-01-06" }, { "Thiếu 37 hồ sơ so với địa phương báo cáo.", "Thiếu hồ sơ của 3 tỉnh." } },
  { "clean", "Không có hai doanh nghiệp trùng tên trong cùng một tỉnh.", "ten_doanh_nghiep",
    { "Công ty TNHH Thương mại Minh Phát", "Công ty Cổ phần Xây dựng Sông Hồng" }, { "Trùng tên với doanh nghiệp đăng ký trước.", "Trùng tên, khác mã số." } },
  { "clean", "Tình trạng hoạt động khớp giữa đăng ký kinh doanh và cơ quan thuế.", "tinh_trang",
    { "dang_hoat_dong", "giai_the" }, { "Thuế ghi nhận đã ngừng hoạt động.", "Thuế ghi nhận đang hoạt động." } },
  { "live", "Thay đổi đăng ký được đồng bộ trong vòng 24 giờ.", "ngay_thay_doi",
    { "2025-12-20", "2025-12-28" }, { "Chậm 4 ngày.", "Chậm 2 ngày." } },
  { "live", "Báo cáo tình hình hoạt động năm gần nhất đã được nộp.", "nam_bao_cao",
    { "2023", "2022" }, { "Chưa có báo cáo năm 2024.", "Chưa có báo cáo hai năm liền." } },
};

static const RuleTemplate vehicle_rules[8] = {
  { "correct", "Biển số đúng định dạng và ký hiệu địa phương sau sắp xếp năm 2025.", "bien_so",
    { "30A-1234.5", "99Z-000.00" }, { "Sai định dạng biển số.", "Ký hiệu địa phương không hợp lệ." } },
  { "correct", "Số khung (VIN) có 17 ký tự hợp lệ, không chứa I, O, Q.", "so_khung",
    { "RLHJA3900OY123456", "RL4BE12" }, { "Chứa ký tự O.", "Chỉ có 7 ký tự." } },
  { "complete", "Có đủ chủ xe, số máy và số khung.", "so_may",
    { NULL, "" }, { "Thiếu số máy.", "Số máy để trống." } },
  { "complete", "Số hồ sơ đăng ký nhận đủ so với số liệu của điểm đăng ký.", "diem_dang_ky",
    { "PC08-HN-03", "PC08-HCM-11" }, { "Thiếu 52 hồ sơ trong ngày.", "Thiếu hồ sơ của một ca làm việc." } },
  { "clean", "Không có hai phương tiện trùng số khung.", "so_khung",
    { "RLHJA3900PY123456", "MHRRU1860NJ400321" }, { "Trùng số khung với phương tiện khác.", "Trùng số khung, khác biển số." } },
  { "clean", "Chủ phương tiện có số định danh khớp với Cơ sở dữ liệu quốc gia về dân cư.", "so_dinh_danh_chu",
    { "001092003456", "079185006789" }, { "Không tìm thấy trong CSDL dân cư.", "Chủ xe đã được khai tử." } },
  { "live", "Đăng ký, sang tên được đồng bộ trong vòng 24 giờ.", "ngay_dang_ky",
    { "2025-12-10", "2025-12-02" }, { "Chậm 6 ngày.", "Chậm 14 ngày." } },
  { "live", "Kết quả đăng kiểm được cập nhật trong vòng 48 giờ.", "ngay_dang_kiem",
    { "2025-11-30", "2025-11-11" }, { "Chậm 9 ngày.", "Chậm 28 ngày." } },
};

static const RuleTemplate *
domain_rules (Domain domain)
{
  switch (domain)
    {
    case DOMAIN_LAND: return land_rules;
    case DOMAIN_ENTERPRISE: return enterprise_rules;
    case DOMAIN_VEHICLE: return vehicle_rules;
    case DOMAIN_PERSON:
    default: return person_rules;
    }
}

static char *
record_key (GRand  *rand,
            Domain  domain)
{
  switch (domain)
    {
    case DOMAIN_LAND:
      return g_strdup_printf ("Tờ %d, thửa %d", g_rand_int_range (rand, 1, 80), g_rand_int_range (rand, 1, 900));
    case DOMAIN_ENTERPRISE:
      return g_strdup_printf ("0%09d", g_rand_int_range (rand, 100000000, 999999999));
    case DOMAIN_VEHICLE:
      return g_strdup_printf ("%02dA-%03d.%02d", g_rand_int_range (rand, 11, 99),
                              g_rand_int_range (rand, 100, 999), g_rand_int_range (rand, 0, 99));
    case DOMAIN_PERSON:
    default:
      return g_strdup_printf ("0%02d%d%02d%06d", g_rand_int_range (rand, 1, 96), g_rand_int_range (rand, 0, 4),
                              g_rand_int_range (rand, 0, 99), g_rand_int_range (rand, 0, 999999));
    }
}

static double
base_score (GRand *rand)
{
  double r = g_rand_double (rand);

  if (r < 0.12)
    return g_rand_double_range (rand, 62.0, 85.0);
  if (r < 0.20)
    return 100.0;
  return g_rand_double_range (rand, 90.0, 99.9);
}

#define HISTORY_DAYS 90

static gboolean
seed_datasets (sqlite3 *db,
               GRand   *rand,
               guint    n,
               gint64   now)
{
  static const char * const criteria[] = { "correct", "complete", "clean", "live" };
  sqlite3_stmt *ds = NULL, *rule = NULL, *hist = NULL, *sample = NULL;
  GString *hist_sql;
  guint per_round = G_N_ELEMENTS (national_datasets) + G_N_ELEMENTS (hc_demo_provinces);
  gint64 today = now / 86400;

  sqlite3_prepare_v2 (db, "INSERT INTO datasets (id, name, owner_agency, records, checked_at, correct, complete,"
                          " clean, live, overall, rules_failed, search) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", -1, &ds, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO rules (id, dataset_id, criterion, description, checked, failed)"
                          " VALUES (?,?,?,?,?,?)", -1, &rule, NULL);
  hist_sql = g_string_new ("INSERT INTO dataset_history (dataset_id, day, correct, complete, clean, live) VALUES ");
  for (guint d = 0; d < HISTORY_DAYS; d++)
    g_string_append (hist_sql, d == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
  sqlite3_prepare_v2 (db, hist_sql->str, -1, &hist, NULL);
  g_string_free (hist_sql, TRUE);
  sqlite3_prepare_v2 (db, "INSERT INTO samples (dataset_id, n, rule_id, record_key, field, value, reason)"
                          " VALUES (?,?,?,?,?,?,?)", -1, &sample, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ds-%05u", i + 1);
      g_autofree char *name = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *search = NULL;
      g_autofree char *folded = NULL;
      guint slot = i % per_round, round = i / per_round, n_samples = 0, rules_failed = 0;
      double scores[4], walk[4], overall;
      gint64 records;
      Domain domain;
      const RuleTemplate *rules;

      if (slot < G_N_ELEMENTS (national_datasets))
        {
          const DatasetTemplate *tpl = &national_datasets[slot];

          name = g_strdup (tpl->name);
          owner = g_strdup (tpl->owner);
          records = (gint64) (tpl->records_millions * 1e6 * g_rand_double_range (rand, 0.98, 1.02));
          domain = tpl->domain;
        }
      else
        {
          guint province = slot - G_N_ELEMENTS (national_datasets);

          name = g_strdup_printf ("Dữ liệu đất đai — %s", hc_demo_provinces[province]);
          owner = province_agency (province);
          records = g_rand_int_range (rand, 400000, 3200000);
          domain = DOMAIN_LAND;
        }
      if (round > 0)
        {
          char *more = g_strdup_printf ("%s — phân vùng %u", name, round + 1);
          g_free (name);
          name = more;
        }
      rules = domain_rules (domain);

      for (guint c = 0; c < 4; c++)
        scores[c] = hc_demo_text_round1 (base_score (rand));
      overall = (scores[0] + scores[1] + scores[2] + scores[3]) / 4.0;

      for (guint r = 0; r < 8; r++)
        {
          g_autofree char *rule_id = g_strdup_printf ("%s-r%u", id, r + 1);
          guint c = r / 2;
          gint64 checked = records;
          /* The two rules of a criterion share its failures. */
          gint64 failed = (gint64) (records * (100.0 - scores[c]) / 100.0 * (r % 2 == 0 ? 0.6 : 0.4));

          if (failed > 0)
            rules_failed++;
          sqlite3_reset (rule);
          sqlite3_bind_text (rule, 1, rule_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 2, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 3, criteria[c], -1, SQLITE_STATIC);
          sqlite3_bind_text (rule, 4, rules[r].description, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (rule, 5, checked);
          sqlite3_bind_int64 (rule, 6, failed);
          if (sqlite3_step (rule) != SQLITE_DONE)
            return FALSE;

          for (guint k = 0; failed > 0 && k < 2 && n_samples < 8; k++)
            {
              g_autofree char *key = record_key (rand, domain);

              sqlite3_reset (sample);
              sqlite3_bind_text (sample, 1, id, -1, SQLITE_STATIC);
              sqlite3_bind_int (sample, 2, (int) ++n_samples);
              sqlite3_bind_text (sample, 3, rule_id, -1, SQLITE_STATIC);
              sqlite3_bind_text (sample, 4, key, -1, SQLITE_STATIC);
              sqlite3_bind_text (sample, 5, rules[r].field, -1, SQLITE_STATIC);
              if (rules[r].values[k] != NULL)
                sqlite3_bind_text (sample, 6, rules[r].values[k], -1, SQLITE_STATIC);
              else
                sqlite3_bind_null (sample, 6);
              sqlite3_bind_text (sample, 7, rules[r].reasons[k], -1, SQLITE_STATIC);
              if (sqlite3_step (sample) != SQLITE_DONE)
                return FALSE;
            }
        }

      /* History walks backwards from today's scores, so its end matches;
       * its 90 days go in with one statement, oldest first (key order). */
      memcpy (walk, scores, sizeof walk);
      sqlite3_reset (hist);
      for (guint d = 0; d < HISTORY_DAYS; d++)
        {
          int at = (int) (HISTORY_DAYS - 1 - d) * 6;

          sqlite3_bind_text (hist, at + 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (hist, at + 2, today - d);
          for (guint c = 0; c < 4; c++)
            sqlite3_bind_double (hist, at + 3 + (int) c, hc_demo_text_round1 (walk[c]));
          for (guint c = 0; c < 4; c++)
            walk[c] = CLAMP (walk[c] + g_rand_double_range (rand, -0.9, 0.8), 40.0, 100.0);
        }
      if (sqlite3_step (hist) != SQLITE_DONE)
        return FALSE;

      search = g_strdup_printf ("%s %s %s", id, name, owner);
      folded = hc_demo_text_fold (search);
      sqlite3_reset (ds);
      sqlite3_bind_text (ds, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (ds, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (ds, 3, owner, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ds, 4, records);
      sqlite3_bind_int64 (ds, 5, now - g_rand_int_range (rand, 60, 7200));
      for (guint c = 0; c < 4; c++)
        sqlite3_bind_double (ds, 6 + c, scores[c]);
      sqlite3_bind_double (ds, 10, overall);
      sqlite3_bind_int (ds, 11, (int) rules_failed);
      sqlite3_bind_text (ds, 12, folded, -1, SQLITE_STATIC);
      if (sqlite3_step (ds) != SQLITE_DONE)
        return FALSE;
    }

  sqlite3_finalize (ds);
  sqlite3_finalize (rule);
  sqlite3_finalize (hist);
  sqlite3_finalize (sample);
  return TRUE;
}

/* ---- storage -------------------------------------------------------------- */

typedef struct {
  const char *id;
  const char *name;
  const char *kind;
  const char *scheme;
  double      capacity_tib;
  double      fill;      /* today */
  double      growth;    /* fraction of today's use added over 90 days */
} PoolTemplate;

static const PoolTemplate pools[] = {
  { "pool-block-01", "Khối CSDL giao dịch", "block", "replica-3", 820.0, 0.74, 0.16 },
  { "pool-file-01", "Tệp chia sẻ liên thông", "file", "replica-3", 1200.0, 0.58, 0.11 },
  { "pool-object-01", "Kho đối tượng dữ liệu gốc", "object", "ec-8+3", 4096.0, 0.83, 0.21 },
  { "pool-object-02", "Lưu trữ sao lưu dài hạn", "object", "ec-6+3", 6144.0, 0.47, 0.09 },
};

static gboolean
seed_storage (sqlite3 *db,
              GRand   *rand,
              gint64   now)
{
  static const char * const models[] = {
    "Seagate Exos X20 ST20000NM007D", "WDC Ultrastar DC HC560 WUH722020ALE6L4",
    "Samsung PM1733 MZWLJ7T6HALA", "Toshiba MG10ACA20TE",
  };
  static const gint64 model_tb[] = { 20, 20, 8, 20 };
  sqlite3_stmt *pool = NULL, *hist = NULL, *node = NULL, *disk = NULL;
  gint64 today = now / 86400;

  sqlite3_prepare_v2 (db, "INSERT INTO pools (id, name, kind, state, capacity, used, scheme, degraded, misplaced,"
                          " read_bps, write_bps) VALUES (?,?,?,?,?,?,?,?,?,?,?)", -1, &pool, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO pool_history (pool_id, day, used) VALUES (?,?,?)", -1, &hist, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO nodes (id, hostname, rack, state) VALUES (?,?,?,?)", -1, &node, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO disks (id, node_id, serial, model, capacity, health, temperature,"
                          " reallocated, power_on_hours) VALUES (?,?,?,?,?,?,?,?,?)", -1, &disk, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    {
      const PoolTemplate *p = &pools[i];
      gint64 capacity = (gint64) (p->capacity_tib * 1099511627776.0);
      gint64 used = (gint64) (capacity * (p->fill + g_rand_double_range (rand, -0.02, 0.02)));
      gboolean degraded = i == 2;
      const char *state = used > capacity * 0.9 ? "critical" : degraded ? "degraded" : "healthy";

      sqlite3_reset (pool);
      sqlite3_bind_text (pool, 1, p->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (pool, 2, p->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (pool, 3, p->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (pool, 4, state, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (pool, 5, capacity);
      sqlite3_bind_int64 (pool, 6, used);
      sqlite3_bind_text (pool, 7, p->scheme, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (pool, 8, degraded ? g_rand_int_range (rand, 1200, 40000) : 0);
      sqlite3_bind_int64 (pool, 9, degraded ? g_rand_int_range (rand, 100, 3000) : 0);
      sqlite3_bind_int64 (pool, 10, g_rand_int_range (rand, 200, 2400) * G_GINT64_CONSTANT (1048576));
      sqlite3_bind_int64 (pool, 11, g_rand_int_range (rand, 80, 900) * G_GINT64_CONSTANT (1048576));
      if (sqlite3_step (pool) != SQLITE_DONE)
        return FALSE;

      /* Steady growth with weekday noise: a forecast has a trend to find. */
      for (gint64 d = 0; d < 90; d++)
        {
          double frac = 1.0 - p->growth * d / 89.0;
          gint64 u = (gint64) (used * frac * (1.0 + g_rand_double_range (rand, -0.003, 0.003)));

          if (d == 0)
            u = used;
          sqlite3_reset (hist);
          sqlite3_bind_text (hist, 1, p->id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (hist, 2, today - d);
          sqlite3_bind_int64 (hist, 3, MIN (u, capacity));
          if (sqlite3_step (hist) != SQLITE_DONE)
            return FALSE;
        }
    }

  for (guint n = 0; n < 12; n++)
    {
      g_autofree char *id = g_strdup_printf ("node-%02u", n + 1);
      g_autofree char *host = g_strdup_printf ("stor-hn-%02u.ndc.gov.vn", n + 1);
      g_autofree char *rack = g_strdup_printf ("HN-%c%02u", 'A' + (n / 6), n / 3 % 2 + 1);
      guint model = n < 3 ? 2 : n % 2 == 0 ? 0 : (n % 4 == 1 ? 1 : 3);

      sqlite3_reset (node);
      sqlite3_bind_text (node, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (node, 2, host, -1, SQLITE_STATIC);
      sqlite3_bind_text (node, 3, rack, -1, SQLITE_STATIC);
      sqlite3_bind_text (node, 4, n == 8 ? "maintenance" : "up", -1, SQLITE_STATIC);
      if (sqlite3_step (node) != SQLITE_DONE)
        return FALSE;

      for (guint d = 0; d < 8; d++)
        {
          g_autofree char *disk_id = g_strdup_printf ("%s-disk-%02u", id, d + 1);
          g_autofree char *serial = g_strdup_printf ("%s%07X", model == 2 ? "S4YPNE0" : "ZL2", g_rand_int (rand) & 0xFFFFFFF);
          gboolean warn = (n == 4 && d == 6) || (n == 10 && d == 2);

          sqlite3_reset (disk);
          sqlite3_bind_text (disk, 1, disk_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (disk, 2, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (disk, 3, serial, -1, SQLITE_STATIC);
          sqlite3_bind_text (disk, 4, models[model], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (disk, 5, model_tb[model] * G_GINT64_CONSTANT (1000000000000));
          sqlite3_bind_text (disk, 6, warn ? "warning" : "ok", -1, SQLITE_STATIC);
          sqlite3_bind_int (disk, 7, g_rand_int_range (rand, 29, warn ? 52 : 44));
          sqlite3_bind_int (disk, 8, warn ? g_rand_int_range (rand, 12, 60) : 0);
          sqlite3_bind_int (disk, 9, g_rand_int_range (rand, 6000, 38000));
          if (sqlite3_step (disk) != SQLITE_DONE)
            return FALSE;
        }
    }

  sqlite3_finalize (pool);
  sqlite3_finalize (hist);
  sqlite3_finalize (node);
  sqlite3_finalize (disk);
  return TRUE;
}

gboolean
hc_demo_seed_populate (sqlite3  *db,
                       guint32   seed,
                       guint     scale,
                       gint64    now,
                       GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_sources = scale == 0 ? 68 : MAX (scale / 10, 1);
  guint n_datasets = scale == 0 ? 50 : MAX (scale / 10, 1);
  guint n_alerts = scale == 0 ? 320 : scale;

  if (!seed_sources (db, rand, n_sources, now) ||
      !seed_datasets (db, rand, n_datasets, now) ||
      !seed_storage (db, rand, now) ||
      !hc_demo_seed_alerts (db, rand, n_alerts, now))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_DATABASE, "Cannot seed the database: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
