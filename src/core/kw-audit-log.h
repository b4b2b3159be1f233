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

G_END_DECLS
