/* kw-connection-store-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connection-store.h"

G_BEGIN_DECLS

/* What kw-connection-store.c (the list and loading),
 * kw-connection-store-changes.c (adding, removing, writing) and
 * kw-connection-store-import.c share. */

/* The user's connections.ini is rewritten whole for every change. Changes
 * run one at a time, in the order they were asked for, so that two of them
 * never write from the same old state and lose one another. Each change is
 * a GTask in @pending; the head is the one running. */
struct _KwConnectionStore
{
  GObject     parent_instance;

  char       *user_file;
  GStrv       system_dirs;      /* nullable: g_get_system_config_dirs() */
  GHashTable *user;             /* id → KwConnection of origin USER */
  GHashTable *system;           /* id → KwConnection of origin SYSTEM */
  GPtrArray  *items;            /* what the model shows, sorted */
  GQueue      pending;
  /* The user file exists but could not be read: it is never overwritten,
   * so that a typo does not cost a person all their connections. */
  GError     *user_file_error;
};

/* kw-connection-store.c */
GHashTable *kw_connection_store_table_new   (void);
void        kw_connection_store_update_item (KwConnectionStore  *self,
                                             const char         *id);

/* kw-connection-store-changes.c */
gboolean    kw_connection_store_check_add   (KwConnectionStore  *self,
                                             const char         *id,
                                             gboolean            replace,
                                             GError            **error);

G_END_DECLS
