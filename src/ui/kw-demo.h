/* kw-demo.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-audit-log.h"
#include "kw-connection.h"
#include "kw-fake-cognito.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_DEMO (kw_demo_get_type ())

G_DECLARE_FINAL_TYPE (KwDemo, kw_demo, KW, DEMO, GObject)

/* The demo's helpdesk connection: AWS keys in the (demo's) keyring, which
 * the fake knows and checks the signatures of. */
#define KW_DEMO_HELPDESK_CONNECTION_ID "demo-helpdesk"

/* Demo mode: the core's fake Cognito on 127.0.0.1, in this main context,
 * with a few made-up accounts, and connections to it that exist only in
 * memory: two for people who forgot a password, one for the helpdesk. The
 * app talks to it with real requests through the same client.
 *
 * Signal "code-sent" (username, destination, medium, code): the fake has
 * "delivered" a code; the window shows it as the demo's inbox. */

KwDemo        *kw_demo_new              (GError **error);
GListModel    *kw_demo_get_connections  (KwDemo  *self);
/* The demo's keyring, in memory: it holds the helpdesk connection's keys. */
KwSecretStore *kw_demo_get_secret_store (KwDemo  *self);
/* A translated line naming the demo accounts and what each one shows. */
const char    *kw_demo_get_hint         (KwDemo  *self);
/* The fake behind the demo, for the UI tests: the codes it sent and the
 * passwords it keeps. */
KwFakeCognito *kw_demo_get_fake         (KwDemo  *self);
/* A translated line naming the demo users the helpdesk view can find, and
 * what each one shows. */
const char    *kw_demo_get_helpdesk_hint (KwDemo       *self);
/* Where the demo's helpdesk actions are audited: a file of the demo's own
 * in $XDG_RUNTIME_DIR, emptied when the demo starts, so that the person's
 * real audit log never holds made-up actions. */
KwAuditLog    *kw_demo_get_audit_log    (KwDemo       *self);
/* Replaces the demo connection with the same id, as saving a connection
 * replaces a saved one; the demo's connections exist only in memory. */
void           kw_demo_replace_connection (KwDemo       *self,
                                           KwConnection *connection);

G_END_DECLS
