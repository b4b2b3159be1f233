/* kw-application.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-connection-store.h"
#include "kw-demo.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_APPLICATION (kw_application_get_type ())

G_DECLARE_FINAL_TYPE (KwApplication, kw_application, KW, APPLICATION, AdwApplication)

/* Keyway: one instance, one main window. It owns the saved connections, the
 * secret store (the keyring, or memory when there is none) and, in demo
 * mode, the demo (property "demo", which windows follow). */

KwApplication     *kw_application_new                  (void);
KwConnectionStore *kw_application_get_connection_store (KwApplication  *self);
KwSecretStore     *kw_application_get_secret_store     (KwApplication  *self);
/* What the app remembers (window size, last connection, bulk concurrency);
 * NULL when its schema is not installed. */
GSettings         *kw_application_get_settings         (KwApplication  *self);
/* Keeps secrets in memory for the rest of the session. */
void               kw_application_use_session_secrets  (KwApplication  *self);
/* For tests: the saved connections and the secret store to use from now on. */
void               kw_application_set_stores           (KwApplication      *self,
                                                        KwConnectionStore  *connections,
                                                        KwSecretStore      *secrets);
KwDemo            *kw_application_get_demo             (KwApplication  *self);
gboolean           kw_application_start_demo           (KwApplication  *self,
                                                        GError        **error);
void               kw_application_stop_demo            (KwApplication  *self);
/* The demo's connections in demo mode, else the saved ones. */
GListModel        *kw_application_get_connections      (KwApplication  *self);
/* By id, or else by display name when exactly one connection has it;
 * transfer full. */
KwConnection      *kw_application_find_connection      (KwApplication  *self,
                                                        const char     *name);

G_END_DECLS
