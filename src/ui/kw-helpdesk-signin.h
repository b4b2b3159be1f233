/* kw-helpdesk-signin.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-audit-log.h"
#include "kw-connection-store.h"
#include "kw-demo.h"
#include "kw-helpdesk-session.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_HELPDESK_SIGNIN (kw_helpdesk_signin_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdeskSignin, kw_helpdesk_signin, KW, HELPDESK_SIGNIN, AdwBin)

/* The helpdesk's sign-in panel: which connection (a combo when there are
 * several helpdesk connections), and where its AWS credentials come from:
 * an AWS profile of ~/.aws, the environment, or an access key id and secret
 * access key (and a session token, for temporary keys) saved in the
 * keyring. "Sign In" saves the keys in the keyring, saves the connection
 * when its source changed, and builds a KwHelpdeskSession; what fails says
 * why in an error dialog.
 *
 * Read-only properties: connection (the chosen one), busy (signing in).
 * Signal "signed-in" (KwHelpdeskSession). */

GtkWidget    *kw_helpdesk_signin_new               (void);
/* Where the panel finds and keeps things. @connections: every connection
 * (the panel offers those kw_connection_is_helpdesk() accepts); @secrets:
 * the keyring; a changed connection is saved in @store, or, in demo mode,
 * replaced in @demo; @audit_log goes to the sessions. */
void          kw_helpdesk_signin_set_sources       (KwHelpdeskSignin  *self,
                                                    GListModel        *connections,
                                                    KwSecretStore     *secrets,
                                                    KwConnectionStore *store,
                                                    KwDemo            *demo,
                                                    KwAuditLog        *audit_log);
KwConnection *kw_helpdesk_signin_get_connection    (KwHelpdeskSignin  *self);
/* Chooses the connection with that id; %FALSE when there is none. */
gboolean      kw_helpdesk_signin_select_connection (KwHelpdeskSignin  *self,
                                                    const char        *id);
gboolean      kw_helpdesk_signin_get_busy          (KwHelpdeskSignin  *self);
/* Fills the form in again from the chosen connection, empty of secrets. */
void          kw_helpdesk_signin_reload            (KwHelpdeskSignin  *self);

G_END_DECLS
