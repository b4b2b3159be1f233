/* kw-demo.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-fake-cognito.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_DEMO (kw_demo_get_type ())

G_DECLARE_FINAL_TYPE (KwDemo, kw_demo, KW, DEMO, GObject)

/* Demo mode: the core's fake Cognito on 127.0.0.1, in this main context,
 * with a few made-up accounts, and two connections to it that exist only in
 * memory. The app talks to it with real requests through the same client.
 *
 * Signal "code-sent" (username, destination, medium, code): the fake has
 * "delivered" a code; the window shows it as the demo's inbox. */

KwDemo        *kw_demo_new              (GError **error);
GListModel    *kw_demo_get_connections  (KwDemo  *self);
KwSecretStore *kw_demo_get_secret_store (KwDemo  *self);
/* A translated line naming the demo accounts and what each one shows. */
const char    *kw_demo_get_hint         (KwDemo  *self);
/* The fake behind the demo, for the UI tests: the codes it sent and the
 * passwords it keeps. */
KwFakeCognito *kw_demo_get_fake         (KwDemo  *self);

G_END_DECLS
