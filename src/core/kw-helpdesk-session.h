/* kw-helpdesk-session.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-audit-log.h"
#include "kw-connection.h"
#include "kw-helpdesk.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_HELPDESK_SESSION (kw_helpdesk_session_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdeskSession, kw_helpdesk_session, KW, HELPDESK_SESSION, GObject)

/* A helpdesk signed in on one connection: the KwHelpdesk service, built on
 * the AWS credentials of the connection's source, and what a person needs
 * to see of those credentials before acting with them. Immutable: signing
 * in again makes another session.
 *
 * Read-only properties: connection, helpdesk, masked-key-id (the access key
 * id with all but its last four characters hidden), credentials-source,
 * aws-profile (nullable: the profile, for that source), temporary (the keys
 * carry a session token). */

void                kw_helpdesk_session_new_async            (KwConnection         *connection,
                                                              KwSecretStore        *secrets,
                                                              KwAuditLog           *audit_log,
                                                              const char * const   *envp,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
KwHelpdeskSession  *kw_helpdesk_session_new_finish           (GAsyncResult         *result,
                                                              GError              **error);

KwConnection       *kw_helpdesk_session_get_connection       (KwHelpdeskSession    *self);
KwHelpdesk         *kw_helpdesk_session_get_helpdesk         (KwHelpdeskSession    *self);
const char         *kw_helpdesk_session_get_masked_key_id    (KwHelpdeskSession    *self);
KwCredentialsSource kw_helpdesk_session_get_credentials_source (KwHelpdeskSession  *self);
const char         *kw_helpdesk_session_get_aws_profile      (KwHelpdeskSession    *self);
gboolean            kw_helpdesk_session_get_temporary        (KwHelpdeskSession    *self);

/* The same connection with its AWS credentials taken from another source:
 * @aws_profile for a profile, @access_key_id for keys in the keyring (each
 * %NULL for the other sources). Not validated. */
KwConnection       *kw_helpdesk_connection_with_credentials  (KwConnection         *connection,
                                                              KwCredentialsSource   source,
                                                              const char           *aws_profile,
                                                              const char           *access_key_id);

G_END_DECLS
