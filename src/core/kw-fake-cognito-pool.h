/* kw-fake-cognito-pool.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kw-cognito-model.h"

G_BEGIN_DECLS

/* The fake's state and rules, with no HTTP: user pools, app clients, users
 * and their codes, and what each operation does to them. */

typedef struct _KwFakeDirectory KwFakeDirectory;

/* A code the fake "sent", for the demo's inbox and for tests. */
typedef struct
{
  char *username;
  char *destination;   /* masked, as Cognito shows it */
  char *medium;        /* EMAIL or SMS */
  char *code;
} KwFakeDelivery;

/* An operation's outcome: output, or an error name and message. */
typedef struct
{
  JsonObject     *output;
  char           *error_name;
  char           *error_message;
  KwFakeDelivery *delivery;
} KwFakeOutcome;

KwFakeDirectory *kw_fake_directory_new           (void);
void             kw_fake_directory_free          (KwFakeDirectory  *self);
void             kw_fake_directory_add_pool      (KwFakeDirectory  *self,
                                                  const char       *pool_id);
void             kw_fake_directory_add_client    (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *client_id,
                                                  const char       *client_secret,
                                                  gboolean          prevent_user_existence_errors);
void             kw_fake_directory_add_user      (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username,
                                                  const char       *password);
gboolean         kw_fake_directory_set_attribute (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username,
                                                  const char       *name,
                                                  const char       *value);
gboolean         kw_fake_directory_set_enabled   (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username,
                                                  gboolean          enabled);
gboolean         kw_fake_directory_set_status    (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username,
                                                  const char       *status);
const char      *kw_fake_directory_get_password  (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username);
const char      *kw_fake_directory_get_status    (KwFakeDirectory  *self,
                                                  const char       *pool_id,
                                                  const char       *username);
void             kw_fake_directory_set_attempt_limit (KwFakeDirectory *self,
                                                      guint            attempts_per_hour);
void             kw_fake_directory_call          (KwFakeDirectory  *self,
                                                  KwCognitoOperation operation,
                                                  JsonObject       *input,
                                                  gint64            now_us,
                                                  KwFakeOutcome    *outcome);
void             kw_fake_outcome_clear           (KwFakeOutcome    *outcome);
void             kw_fake_delivery_free           (KwFakeDelivery   *delivery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwFakeDirectory, kw_fake_directory_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwFakeOutcome, kw_fake_outcome_clear)

G_END_DECLS
