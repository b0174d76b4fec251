/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-parser.h"
#include "hc-test-alerts.h"
#include "hc-test-parse.h"
#include "hc-test-ui.h"

const AlertFixture hc_test_alerts[HC_TEST_N_ALERTS] = {
  { "a-001", "critical", "intrusion", "Xâm nhập máy chủ cơ sở dữ liệu dân cư",
    "Phiên quản trị lạ từ mạng ngoài vào máy chủ CSDL dân cư.", "db-dancu-01", "203.0.113.45",
    "2026-11-27T07:10:00Z", "open", 42 },
  { "a-002", "high", "brute_force", "Dò mật khẩu cổng đăng nhập một cửa",
    "Hơn 5.000 lần đăng nhập sai trong 10 phút.", "sso-gateway", "198.51.100.7",
    "2026-11-27T06:00:00Z", "acknowledged", 5120 },
  { "a-003", "medium", "policy_violation", "Tải xuống ngoài giờ làm việc",
    "Cán bộ tải 12 GB dữ liệu đất đai lúc 23:40.", "file-datdai-02", "10.20.4.18",
    "2026-11-26T23:40:00Z", "open", 3 },
  { "a-004", "low", "integrity", "Tệp cấu hình thay đổi không qua phê duyệt",
    "Tệp nginx.conf trên máy chủ cổng dịch vụ công thay đổi.", "web-dvc-03", NULL,
    "2026-11-25T09:15:00Z", "resolved", 1 },
  { "a-005", "critical", "data_exfiltration", "Rò rỉ dữ liệu bảo hiểm xã hội",
    "Lưu lượng ra bất thường tới máy chủ lạ ở nước ngoài.", "api-bhxh", "192.0.2.99",
    "2026-11-27T05:30:00Z", "acknowledged", 880 },
  { "a-006", "high", "malware", "Mã độc trên máy trạm phòng hộ tịch",
    "Phần mềm diệt virus phát hiện mã độc mã hoá tống tiền.", "ws-hotich-17", "10.30.2.51",
    "2026-11-24T14:05:00Z", "resolved", 7 },
  { "a-007", "medium", "ddos", "Tấn công từ chối dịch vụ cổng thông tin",
    "Lưu lượng HTTP tăng gấp 40 lần bình thường.", "portal-lb", "203.0.113.200",
    "2026-11-27T08:20:00Z", "open", 91000 },
  { "a-008", "high", "privilege_escalation", "Tài khoản được nâng quyền quản trị",
    "Tài khoản dịch vụ được thêm vào nhóm quản trị miền.", "ad-dc-01", "10.0.0.12",
    "2026-11-26T11:00:00Z", "open", 2 },
};

char *
hc_test_alert_json (const AlertFixture *a, const char *state, gint64 events, const char *extra)
{
  gboolean acknowledged = !g_str_equal (state, "open");
  gboolean resolved = g_str_equal (state, "resolved");

  return g_strdup_printf (
    "{\"id\":\"%s\",\"severity\":\"%s\",\"category\":\"%s\",\"title\":\"%s\",\"description\":\"%s\","
    "\"asset\":\"%s\",\"source_ip\":%s%s%s,\"detected_at\":\"%s\",\"state\":\"%s\","
    "\"acknowledged_by\":%s,\"acknowledged_at\":%s,\"resolved_by\":%s,\"resolved_at\":%s,"
    "\"resolution\":%s,\"events_count\":%" G_GINT64_FORMAT "%s}",
    a->id, a->severity, a->category, a->title, a->description, a->asset,
    a->source_ip ? "\"" : "", a->source_ip ? a->source_ip : "null", a->source_ip ? "\"" : "",
    a->detected_at, state,
    acknowledged ? "\"tran.thi.b\"" : "null", acknowledged ? "\"2026-11-27T08:00:00Z\"" : "null",
    resolved ? "\"le.van.c\"" : "null", resolved ? "\"2026-11-27T09:00:00Z\"" : "null",
    resolved ? "\"fixed\"" : "null", events, extra ? extra : "");
}

HcItem *
hc_test_alert_from_fixture (const AlertFixture *a, const char *state, gint64 events)
{
  g_autofree char *json = hc_test_alert_json (a, state, events, NULL);
  return hc_test_parse (json, hc_parse_alert);
}

HcItemStore *
hc_test_alerts_store (void)
{
  HcItemStore *store = hc_item_store_new (HC_TYPE_ALERT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < HC_TEST_N_ALERTS; i++)
    g_ptr_array_add (items, hc_test_alert_from_fixture (&hc_test_alerts[i], hc_test_alerts[i].state, hc_test_alerts[i].events));
  hc_item_store_upsert_many (store, items);
  return store;
}

guint
hc_test_security_n_visible (HcSecurityPage *page)
{
  HcListPane *pane = hc_security_page_get_pane (page);

  /* A large list is filtered and sorted a slice at a time: let it finish. */
  while (hc_list_pane_is_busy (pane))
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_n_items (hc_list_pane_get_visible_model (pane));
}

void
hc_test_security_set_state (HcSecurityPage *page, const char *state)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.state", "s", state));
}

/* @page over @store, in @window, shown and ready. */
void
hc_test_security_show (GtkWindow *window, HcSecurityPage *page, HcItemStore *store)
{
  gtk_window_set_default_size (window, 1280, 760);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_security_page_set_alerts (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (hc_security_page_get_pane (page), HC_LIST_PANE_READY, NULL);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));
}
