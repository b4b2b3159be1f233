/* kw-audit-log.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KW_TYPE_AUDIT_LOG (kw_audit_log_get_type ())

G_DECLARE_FINAL_TYPE (KwAuditLog, kw_audit_log, KW, AUDIT_LOG, GObject)

/* One helpdesk action. Never holds a password, code or secret. */
typedef struct
{
  const char *actor;          /* the access key id or profile used */
  const char *user_pool_id;
  const char *username;
  const char *action;         /* "AdminResetUserPassword", "AdminSetUserPassword", … */
  const char *outcome;        /* "success", or the error's name */
  const char *request_id;     /* nullable */
} KwAuditEntry;

/* The audit log: JSON lines, one object per action, appended to @file
 * (default $XDG_STATE_HOME/keyway/audit.log, created 0600 with its folder).
 * Appends are queued and written in order without blocking the caller. */
KwAuditLog *kw_audit_log_new           (GFile               *file);
GFile      *kw_audit_log_get_file      (KwAuditLog          *self);
/* The line for @entry, with a UTC time stamp (RFC 3339, milliseconds). */
char       *kw_audit_entry_to_json     (const KwAuditEntry  *entry,
                                        GDateTime           *time);
void        kw_audit_log_append_async  (KwAuditLog          *self,
                                        const KwAuditEntry  *entry,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    kw_audit_log_append_finish (KwAuditLog          *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Reading: every line appended before the call (queued appends included:
 * the read waits its turn behind them), newest first, as a GListModel of
 * KwAuditRecord. @username_filter (nullable) keeps the records whose
 * username contains it, without regard to case. A missing file is an empty
 * list; lines that are not a record (garbage, a torn last line, an object
 * without a valid time) are skipped and counted in @n_skipped (nullable). */
void        kw_audit_log_read_async    (KwAuditLog          *self,
                                        const char          *username_filter,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GListModel *kw_audit_log_read_finish   (KwAuditLog          *self,
                                        GAsyncResult        *result,
                                        guint               *n_skipped,
                                        GError             **error);

#define KW_TYPE_AUDIT_RECORD (kw_audit_record_get_type ())

G_DECLARE_FINAL_TYPE (KwAuditRecord, kw_audit_record, KW, AUDIT_RECORD, GObject)

/* One line of the audit log, read back. Read-only properties: time
 * (GDateTime, in UTC), actor, user-pool-id, username, action, outcome,
 * request-id (strings, nullable but time), success (boolean: outcome is
 * "success"). */
/* Parses one line (without its line break); %NULL when it is not a record. */
KwAuditRecord *kw_audit_record_new_from_json     (const char    *line);
GDateTime     *kw_audit_record_get_time          (KwAuditRecord *self);
const char    *kw_audit_record_get_actor         (KwAuditRecord *self);
const char    *kw_audit_record_get_user_pool_id  (KwAuditRecord *self);
const char    *kw_audit_record_get_username      (KwAuditRecord *self);
const char    *kw_audit_record_get_action        (KwAuditRecord *self);
const char    *kw_audit_record_get_outcome       (KwAuditRecord *self);
const char    *kw_audit_record_get_request_id    (KwAuditRecord *self);
gboolean       kw_audit_record_get_success       (KwAuditRecord *self);

G_END_DECLS
