/* kw-connection-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connection.h"

G_BEGIN_DECLS

/* What kw-connection.c (the object), kw-connection-validate.c (the rules)
 * and kw-connection-file.c (the file format) share. */

#define KEY_ID                  "Id"
#define KEY_NAME                "Name"
#define KEY_REGION              "Region"
#define KEY_CLIENT_ID           "ClientId"
#define KEY_USER_POOL_ID        "UserPoolId"
#define KEY_ENDPOINT_URL        "EndpointUrl"
#define KEY_CLIENT_SECRET       "ClientSecret"
#define KEY_HAS_CLIENT_SECRET   "HasClientSecret"
#define KEY_MINIMUM_LENGTH      "PasswordMinimumLength"
#define KEY_REQUIRE_UPPERCASE   "PasswordRequireUppercase"
#define KEY_REQUIRE_LOWERCASE   "PasswordRequireLowercase"
#define KEY_REQUIRE_NUMBERS     "PasswordRequireNumbers"
#define KEY_REQUIRE_SYMBOLS     "PasswordRequireSymbols"
#define KEY_PREVENT_USER_EXISTENCE_ERRORS "PreventUserExistenceErrors"
#define KEY_CREDENTIALS_SOURCE  "CredentialsSource"
#define KEY_AWS_PROFILE         "AwsProfile"
#define KEY_ACCESS_KEY_ID       "AccessKeyId"

struct _KwConnection
{
  GObject              parent_instance;

  char                *id;
  char                *name;
  char                *region;
  char                *client_id;
  char                *user_pool_id;
  char                *endpoint_url;
  KwPasswordPolicy    *password_policy;
  char                *aws_profile;
  char                *access_key_id;
  KwCredentialsSource  credentials_source;
  KwConnectionOrigin   origin;
  gboolean             has_client_secret;
  gboolean             prevent_user_existence_errors;
};

/* Where the values being checked came from, so that messages can name the
 * file and line. Every field is %NULL for a connection built in code. */
typedef struct
{
  const char *file_name;
  const char *data;
  const char *group;
  gboolean    id_is_group;   /* connections.ini: the id is the group's name */
} KwConnectionLocation;

/* File spellings of KwCredentialsSource, indexed by its values. */
extern const char * const kw_connection_source_names[KW_CREDENTIALS_SOURCE_KEYRING + 1];

/* kw-connection-file.c */
int       kw_connection_find_line           (const char                  *data,
                                             const char                  *group,
                                             const char                  *key);

/* kw-connection-validate.c */
void      kw_connection_set_error_literal   (GError                     **error,
                                             const KwConnectionLocation  *origin,
                                             int                          code,
                                             const char                  *key,
                                             const char                  *message);
void      kw_connection_set_error           (GError                     **error,
                                             const KwConnectionLocation  *origin,
                                             int                          code,
                                             const char                  *key,
                                             const char                  *format,
                                             ...) G_GNUC_PRINTF (5, 6);
char     *kw_connection_display_value       (const char                  *value);
gboolean  kw_connection_check_client_secret (const char                  *client_secret,
                                             const KwConnectionLocation  *origin,
                                             GError                     **error);
gboolean  kw_connection_validate_at         (KwConnection                *self,
                                             const KwConnectionLocation  *origin,
                                             GError                     **error);

G_END_DECLS
