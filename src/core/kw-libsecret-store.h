/* kw-libsecret-store.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_LIBSECRET_STORE (kw_libsecret_store_get_type ())

G_DECLARE_FINAL_TYPE (KwLibsecretStore, kw_libsecret_store, KW, LIBSECRET_STORE, GObject)

/* The desktop keyring: the Secret Service, or the Secret portal in Flatpak. */
KwSecretStore      *kw_libsecret_store_new    (void);

const SecretSchema *kw_secret_schema_get      (KwSecretKind kind);

G_END_DECLS
