/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: the demo hub's security alerts, seeded (with their timelines)
 * and drafted one at a time for the simulation, from the same GRand as the
 * rest of the center (hc-demo-seed.c). */
#include "config.h"

#include <string.h>

#include "hc-demo-seed-private.h"
#include "hc-demo-seed.h"
#include "hc-demo-store.h"
#include "hc-demo-text.h"

/* Where an alert's address comes from: attacks from outside, misuse from
 * inside, integrity findings from no address at all. */
typedef enum { ORIGIN_NONE, ORIGIN_EXTERNAL, ORIGIN_INTERNAL } Origin;

typedef struct {
  const char *category;
  const char *title;
  const char *description;  /* %s asset, %s address */
  Origin      origin;
} AlertTemplate;

static const AlertTemplate alert_templates[] = {
  { "intrusion", "Truy cập trái phép vào cổng quản trị",
    "Phiên đăng nhập thành công vào giao diện quản trị của %s từ %s, ngoài danh sách địa chỉ được phép.", ORIGIN_EXTERNAL },
  { "intrusion", "Khai thác lỗ hổng trên dịch vụ web",
    "Yêu cầu khai thác lỗ hổng đã biết nhắm vào %s từ %s; tường lửa ứng dụng ghi nhận mã khai thác.", ORIGIN_EXTERNAL },
  { "brute_force", "Dò mật khẩu SSH liên tục",
    "Hàng trăm lần đăng nhập SSH thất bại vào %s từ %s trong 10 phút.", ORIGIN_EXTERNAL },
  { "brute_force", "Dò mã thông báo API",
    "Nhiều mã thông báo API không hợp lệ được thử trên %s từ %s.", ORIGIN_EXTERNAL },
  { "malware", "Phát hiện mã độc trên máy chủ",
    "Phần mềm phòng chống mã độc phát hiện tệp nghi là mã độc đào tiền ảo trên %s; kết nối điều khiển tới %s.", ORIGIN_EXTERNAL },
  { "malware", "Tệp đính kèm chứa mã độc trong gói dữ liệu",
    "Gói dữ liệu gửi lên %s chứa tệp thực thi bị nhận diện là mã độc; nguồn gửi %s.", ORIGIN_EXTERNAL },
  { "data_exfiltration", "Lưu lượng xuất dữ liệu bất thường",
    "%s gửi 38 GB ra ngoài tới %s trong 1 giờ, gấp 20 lần mức thường ngày.", ORIGIN_EXTERNAL },
  { "data_exfiltration", "Truy vấn hàng loạt dữ liệu cá nhân",
    "Tài khoản ứng dụng trên %s truy vấn hơn 2 triệu bản ghi dân cư trong một phiên từ %s.", ORIGIN_INTERNAL },
  { "privilege_escalation", "Tài khoản dịch vụ được nâng quyền quản trị",
    "Tài khoản dịch vụ trên %s được thêm vào nhóm quản trị ngoài quy trình phê duyệt; phiên từ %s.", ORIGIN_INTERNAL },
  { "privilege_escalation", "Sử dụng sudo trái phép",
    "Người dùng không có trong danh sách sudoers chạy lệnh với quyền root trên %s; phiên từ %s.", ORIGIN_INTERNAL },
  { "policy_violation", "Truy vấn CSDL dân cư ngoài giờ không có phiếu yêu cầu",
    "Cán bộ truy vấn dữ liệu dân cư qua %s lúc 23 giờ mà không có phiếu yêu cầu khai thác; máy trạm %s.", ORIGIN_INTERNAL },
  { "policy_violation", "Chia sẻ dữ liệu qua kênh chưa được phê duyệt",
    "Dữ liệu từ %s được tải lên dịch vụ lưu trữ công cộng; máy trạm %s.", ORIGIN_INTERNAL },
  { "ddos", "Tấn công từ chối dịch vụ vào cổng API",
    "Lưu lượng tới %s tăng lên 1,8 triệu yêu cầu mỗi phút; nguồn chính %s.", ORIGIN_EXTERNAL },
  { "ddos", "Tràn gói SYN vào cổng tiếp nhận dữ liệu",
    "Hàng triệu gói SYN tới %s; nguồn chính %s, chống DDoS đã kích hoạt.", ORIGIN_EXTERNAL },
  { "integrity", "Thay đổi tệp cấu hình không qua phê duyệt",
    "Tệp cấu hình trên %s thay đổi ngoài cửa sổ bảo trì; không có phiếu thay đổi tương ứng.", ORIGIN_NONE },
  { "integrity", "Sai lệch tổng kiểm tra của bản sao lưu",
    "Tổng kiểm tra SHA-256 của bản sao lưu trên %s không khớp với bản gốc.", ORIGIN_NONE },
};

static const char * const assets[] = {
  "cong-dvc-quocgia", "api-gw-01.ndc.gov.vn", "api-gw-02.ndc.gov.vn", "db-dancu-03", "db-datdai-01",
  "sftp-ingest-02", "vpn-hanoi-01", "ad-dc-01", "kafka-broker-04", "etl-worker-12", "portal-dulieu",
  "backup-s3-01", "stor-hn-05.ndc.gov.vn", "siem-collector-01", "db-doanhnghiep-02", "lgsp-hcm-01",
};

static const char * const users[] = {
  "tran.van.minh", "pham.thu.ha", "nguyen.thi.lan", "le.quoc.bao", "vo.thanh.tam", "dang.minh.chau",
};

static const char * const ack_comments[] = {
  "Đã tiếp nhận, đang kiểm tra nhật ký truy cập.",
  "Đã chặn địa chỉ nguồn trên tường lửa, theo dõi thêm.",
  "Chuyển nhóm ứng cứu sự cố xác minh.",
  "Đã liên hệ đơn vị quản lý hệ thống.",
};

static const char * const resolve_comments[] = {
  "Đã vá lỗ hổng và đổi toàn bộ mật khẩu quản trị.",
  "Xác minh là hoạt động kiểm thử đã được phê duyệt.",
  "Đã cô lập máy chủ, khôi phục từ bản sao lưu sạch.",
  "Trùng với cảnh báo đã xử lý trước đó.",
  "Chấp nhận rủi ro theo quyết định của lãnh đạo trung tâm.",
};

static const char * const resolutions[] = { "fixed", "false_positive", "fixed", "duplicate", "accepted_risk" };

static const char *
pick_severity (GRand *rand)
{
  double r = g_rand_double (rand);

  if (r < 0.06)
    return "critical";
  if (r < 0.26)
    return "high";
  if (r < 0.64)
    return "medium";
  return "low";
}

static char *
pick_address (GRand  *rand,
              Origin  origin)
{
  /* Documentation ranges only (RFC 5737, RFC 3849): no real network is named. */
  static const char * const prefixes[] = { "203.0.113", "198.51.100", "192.0.2" };

  if (origin == ORIGIN_NONE)
    return NULL;
  if (origin == ORIGIN_INTERNAL)
    return g_strdup_printf ("10.%d.%d.%d", g_rand_int_range (rand, 10, 40), g_rand_int_range (rand, 0, 255),
                            g_rand_int_range (rand, 2, 254));
  if (g_rand_double (rand) < 0.15)
    return g_strdup_printf ("2001:db8:%x::%x", g_rand_int_range (rand, 1, 0xffff), g_rand_int_range (rand, 1, 0xffff));
  return g_strdup_printf ("%s.%d", prefixes[g_rand_int_range (rand, 0, 3)], g_rand_int_range (rand, 1, 254));
}

void
hc_demo_seed_draft_alert (GRand            *rand,
                          HcDemoAlertDraft *draft)
{
  const AlertTemplate *tpl = &alert_templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (alert_templates))];
  double heavy = g_rand_double (rand);

  draft->severity = pick_severity (rand);
  draft->category = tpl->category;
  draft->asset = assets[g_rand_int_range (rand, 0, G_N_ELEMENTS (assets))];
  draft->source_ip = pick_address (rand, tpl->origin);
  draft->title = g_strdup (tpl->title);
  draft->description = hc_demo_seed_fill (tpl->description, draft->asset, draft->source_ip);
  draft->events_count = 1 + (gint64) (heavy * heavy * heavy * 4999);
}

void
hc_demo_seed_draft_clear (HcDemoAlertDraft *draft)
{
  g_clear_pointer (&draft->title, g_free);
  g_clear_pointer (&draft->description, g_free);
  g_clear_pointer (&draft->source_ip, g_free);
}

char *
hc_demo_seed_alert_search (const char             *id,
                           const HcDemoAlertDraft *draft)
{
  g_autofree char *text = g_strdup_printf ("%s %s %s %s %s", id, draft->title, draft->asset,
                                           draft->source_ip ? draft->source_ip : "", draft->description);
  return hc_demo_text_fold (text);
}

gboolean
hc_demo_seed_alerts (sqlite3 *db,
                     GRand   *rand,
                     guint    n,
                     gint64   now)
{
  sqlite3_stmt *al = NULL, *tl = NULL;
  gint64 span = 90 * 86400;

  sqlite3_prepare_v2 (db, "INSERT INTO alerts (seq, id, severity, category, title, description, asset, source_ip,"
                          " detected_at, state, ack_by, ack_at, res_by, res_at, resolution, events_count, search)"
                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &al, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO timeline (alert_seq, n, at, actor, action, comment) VALUES (?,?,?,?,?,?)",
                      -1, &tl, NULL);

  for (guint i = 0; i < n; i++)
    {
      HcDemoAlertDraft draft = { 0 };
      gint64 seq = i + 1, detected, age, ack_at = 0, res_at = 0;
      g_autofree char *id = g_strdup_printf ("alr-%07" G_GINT64_FORMAT, seq);
      g_autofree char *search = NULL;
      const char *state, *ack_by = NULL, *res_by = NULL, *resolution = NULL;
      double r = g_rand_double (rand);
      int tn = 0;

      hc_demo_seed_draft_alert (rand, &draft);
      /* Oldest first, so seq order is detection order. */
      detected = now - span + (gint64) ((i + g_rand_double (rand)) * span / n);
      detected = MIN (detected, now - 30);
      age = now - detected;
      if (age > 14 * 86400)
        state = r < 0.92 ? "resolved" : r < 0.97 ? "acknowledged" : "open";
      else if (age > 2 * 86400)
        state = r < 0.5 ? "resolved" : r < 0.75 ? "acknowledged" : "open";
      else
        state = r < 0.15 ? "resolved" : r < 0.4 ? "acknowledged" : "open";

      if (!g_str_equal (state, "open"))
        {
          ack_by = users[g_rand_int_range (rand, 0, G_N_ELEMENTS (users))];
          ack_at = detected + MIN (g_rand_int_range (rand, 120, 14400), MAX (age / 2, 1));
        }
      if (g_str_equal (state, "resolved"))
        {
          guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (resolutions));

          res_by = users[g_rand_int_range (rand, 2, 4)];
          res_at = ack_at + MIN (g_rand_int_range (rand, 600, 172800), MAX ((now - ack_at) / 2, 1));
          resolution = resolutions[k];

          sqlite3_reset (tl);
          sqlite3_bind_int64 (tl, 1, seq);
          sqlite3_bind_int (tl, 2, ++tn);
          sqlite3_bind_int64 (tl, 3, ack_at);
          sqlite3_bind_text (tl, 4, ack_by, -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 5, "acknowledged", -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 6, ack_comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (ack_comments))], -1, SQLITE_STATIC);
          if (sqlite3_step (tl) != SQLITE_DONE)
            return FALSE;
          sqlite3_reset (tl);
          sqlite3_bind_int64 (tl, 1, seq);
          sqlite3_bind_int (tl, 2, ++tn);
          sqlite3_bind_int64 (tl, 3, res_at);
          sqlite3_bind_text (tl, 4, res_by, -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 5, "resolved", -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 6, resolve_comments[k], -1, SQLITE_STATIC);
          if (sqlite3_step (tl) != SQLITE_DONE)
            return FALSE;
        }
      else if (ack_by != NULL)
        {
          sqlite3_reset (tl);
          sqlite3_bind_int64 (tl, 1, seq);
          sqlite3_bind_int (tl, 2, ++tn);
          sqlite3_bind_int64 (tl, 3, ack_at);
          sqlite3_bind_text (tl, 4, ack_by, -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 5, "acknowledged", -1, SQLITE_STATIC);
          sqlite3_bind_text (tl, 6, ack_comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (ack_comments))], -1, SQLITE_STATIC);
          if (sqlite3_step (tl) != SQLITE_DONE)
            return FALSE;
        }

      search = hc_demo_seed_alert_search (id, &draft);
      sqlite3_reset (al);
      sqlite3_bind_int64 (al, 1, seq);
      sqlite3_bind_text (al, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (al, 3, draft.severity, -1, SQLITE_STATIC);
      sqlite3_bind_text (al, 4, draft.category, -1, SQLITE_STATIC);
      sqlite3_bind_text (al, 5, draft.title, -1, SQLITE_STATIC);
      sqlite3_bind_text (al, 6, draft.description, -1, SQLITE_STATIC);
      sqlite3_bind_text (al, 7, draft.asset, -1, SQLITE_STATIC);
      if (draft.source_ip)
        sqlite3_bind_text (al, 8, draft.source_ip, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (al, 8);
      sqlite3_bind_int64 (al, 9, detected);
      sqlite3_bind_text (al, 10, state, -1, SQLITE_STATIC);
      if (ack_by)
        {
          sqlite3_bind_text (al, 11, ack_by, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (al, 12, ack_at);
        }
      else
        {
          sqlite3_bind_null (al, 11);
          sqlite3_bind_null (al, 12);
        }
      if (res_by)
        {
          sqlite3_bind_text (al, 13, res_by, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (al, 14, res_at);
          sqlite3_bind_text (al, 15, resolution, -1, SQLITE_STATIC);
        }
      else
        {
          sqlite3_bind_null (al, 13);
          sqlite3_bind_null (al, 14);
          sqlite3_bind_null (al, 15);
        }
      sqlite3_bind_int64 (al, 16, draft.events_count);
      sqlite3_bind_text (al, 17, search, -1, SQLITE_STATIC);
      if (sqlite3_step (al) != SQLITE_DONE)
        {
          hc_demo_seed_draft_clear (&draft);
          return FALSE;
        }
      hc_demo_seed_draft_clear (&draft);
    }

  sqlite3_finalize (al);
  sqlite3_finalize (tl);
  return TRUE;
}
