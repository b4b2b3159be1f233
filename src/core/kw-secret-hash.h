/* kw-secret-hash.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kw_secret_hash_compute (const char *client_secret,
                              const char *username,
                              const char *client_id);

G_END_DECLS
