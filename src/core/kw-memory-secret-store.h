/* kw-memory-secret-store.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_MEMORY_SECRET_STORE (kw_memory_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (KwMemorySecretStore, kw_memory_secret_store, KW, MEMORY_SECRET_STORE, GObject)

/* Secrets kept in this process only, for as long as it runs: what the app
 * falls back to when there is no keyring, and what tests and demo mode use.
 * Nothing is ever written anywhere. */
KwSecretStore *kw_memory_secret_store_new      (void);

/* Makes every call fail with @code until called with -1; for tests. */
void           kw_memory_secret_store_set_failure (KwMemorySecretStore *self,
                                                   int                  code);

G_END_DECLS
