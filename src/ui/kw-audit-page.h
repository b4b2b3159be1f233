/* kw-audit-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-audit-log.h"

G_BEGIN_DECLS

#define KW_TYPE_AUDIT_PAGE (kw_audit_page_get_type ())

G_DECLARE_FINAL_TYPE (KwAuditPage, kw_audit_page, KW, AUDIT_PAGE, AdwBin)

/* The helpdesk's "Audit Log" page: the actions taken from the helpdesk, as
 * the audit log has them, newest first: when, what, to whom, how it ended,
 * by whom, and the service's request id. A search field keeps the actions
 * on usernames that contain what is typed. The log is read again each time
 * the page is shown (the other pages' actions go to the same log), when
 * the filter changes, and on Refresh. Lines of the log that cannot be read
 * are skipped, and the page says how many.
 *
 * Properties: audit-log (KwAuditLog: the window sets it), busy (read-only:
 * a read is in flight). */

GtkWidget  *kw_audit_page_new           (void);
KwAuditLog *kw_audit_page_get_audit_log (KwAuditPage *self);
void        kw_audit_page_set_audit_log (KwAuditPage *self,
                                         KwAuditLog  *audit_log);
/* Reads the log again, with the filter in the search field. */
void        kw_audit_page_refresh       (KwAuditPage *self);
gboolean    kw_audit_page_get_busy      (KwAuditPage *self);
/* The records listed, newest first: a GListModel of KwAuditRecord. */
GListModel *kw_audit_page_get_records   (KwAuditPage *self);

/* An action of the log in words, such as "Reset code sent"; translated. */
const char *kw_audit_describe_action    (const char  *action);

G_END_DECLS
