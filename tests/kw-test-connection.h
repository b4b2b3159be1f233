/* kw-test-connection.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connection.h"
#include "kw-connection-store.h"
#include "kw-secret-store.h"
#include "kw-test-fake.h"

G_BEGIN_DECLS

/* What test-connection.c, test-connection-store.c, test-connection-import.c
 * and test-connection-client.c share. */

/* Longer than TEST_ACCESS_KEY, as AccessKeyId requires. */
#define KEYRING_ACCESS_KEY "AKIAKEYWAYTEST000001"

#define MINIMAL_FILE(id, name) \
  "[Connection]\nId=" id "\nName=" name "\nRegion=us-east-1\nClientId=" TEST_CLIENT "\n"

void               kw_test_connection_init       (int                 *argc,
                                                  char              ***argv);
int                kw_test_connection_run        (void);

KwConnection      *kw_test_parse                 (const char          *text,
                                                  char               **secret,
                                                  GError             **error);
KwConnection      *kw_test_parse_ok              (const char          *text);

char              *kw_test_write_text            (const char          *path,
                                                  const char          *text);
char              *kw_test_read_text             (const char          *path);
char              *kw_test_user_file             (void);
char              *kw_test_unique_secret         (void);

KwConnectionStore *kw_test_store_new_loaded      (void);
gboolean           kw_test_store_add             (KwConnectionStore   *store,
                                                  KwConnection        *connection,
                                                  gboolean             replace,
                                                  GError             **error);
gboolean           kw_test_store_remove          (KwConnectionStore   *store,
                                                  const char          *id,
                                                  KwSecretStore       *secrets,
                                                  GError             **error);
void               kw_test_items_changed_cb      (GListModel          *model,
                                                  guint                position,
                                                  guint                removed,
                                                  guint                added,
                                                  gpointer             user_data);

void               kw_test_secret_store          (KwSecretStore       *secrets,
                                                  KwSecretKind         kind,
                                                  GHashTable          *attributes,
                                                  const char          *secret);
char              *kw_test_client_secret_lookup  (KwSecretStore       *secrets,
                                                  const char          *region,
                                                  const char          *client_id);

G_END_DECLS
