/* kw-connection.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-password-policy.h"

G_BEGIN_DECLS

#define KW_CONNECTION_ERROR (kw_connection_error_quark ())

typedef enum
{
  KW_CONNECTION_ERROR_PARSE,          /* not a key file; the message names the file and line */
  KW_CONNECTION_ERROR_MISSING_KEY,    /* a required key is absent; the message names it */
  KW_CONNECTION_ERROR_INVALID_VALUE,  /* a value breaks a rule; the message names key, line, rule */
  KW_CONNECTION_ERROR_NOT_FOUND,      /* no connection has that id */
  KW_CONNECTION_ERROR_EXISTS,         /* a connection with that id exists and replacing was not asked */
  KW_CONNECTION_ERROR_READ_ONLY,      /* a system connection cannot be changed or removed */
  KW_CONNECTION_ERROR_IO,             /* a file could not be read or written */
  KW_CONNECTION_ERROR_SECRET_MISSING, /* the client has a secret, but none is stored or given */
  KW_CONNECTION_ERROR_CREDENTIALS_MISSING, /* a helpdesk connection found no AWS credentials */
} KwConnectionError;

/* Where a helpdesk connection's AWS credentials come from. */
typedef enum
{
  KW_CREDENTIALS_SOURCE_NONE,         /* an end-user connection: unsigned calls only */
  KW_CREDENTIALS_SOURCE_PROFILE,      /* a profile of ~/.aws/config and credentials */
  KW_CREDENTIALS_SOURCE_ENVIRONMENT,  /* AWS_ACCESS_KEY_ID and friends */
  KW_CREDENTIALS_SOURCE_KEYRING,      /* keys kept in the keyring (KW_SECRET_KIND_AWS_KEYS) */
} KwCredentialsSource;

typedef enum
{
  KW_CONNECTION_ORIGIN_USER,          /* $XDG_CONFIG_HOME/keyway/connections.ini */
  KW_CONNECTION_ORIGIN_SYSTEM,        /* keyway/connections.ini in $XDG_CONFIG_DIRS: read-only */
  KW_CONNECTION_ORIGIN_FILE,          /* parsed from a .keyway file, not stored yet */
} KwConnectionOrigin;

/* The key file group of a .keyway file, and its keys. */
#define KW_CONNECTION_FILE_GROUP "Connection"
#define KW_CONNECTION_FILE_SUFFIX ".keyway"
#define KW_CONNECTION_MIME_TYPE "application/x-keyway-connection"

#define KW_TYPE_CONNECTION (kw_connection_get_type ())

G_DECLARE_FINAL_TYPE (KwConnection, kw_connection, KW, CONNECTION, GObject)

/* A connection describes one user pool app client. It is immutable: every
 * property is construct-only, so one object can be shared by flows, pages
 * and lists. Properties, named as the getters below: id, name, region,
 * client-id, user-pool-id, endpoint-url, has-client-secret,
 * prevent-user-existence-errors, password-policy (boxed), credentials-source,
 * aws-profile, access-key-id, origin. */

/* Checks every field with the protocol core's rules (region, client id and
 * user pool id patterns, endpoint URL, minimum length 6–99, a slug id, the
 * credentials source's own fields). */
gboolean      kw_connection_validate                 (KwConnection        *self,
                                                      GError             **error);

/* Parses one group of a key file: a .keyway file's [Connection] group (the id
 * in its Id key, @id %NULL) or a connections.ini group (named by the id,
 * passed as @id). @file_name names the file in messages; @data is the file's
 * text, for line numbers. Unknown keys give a g_warning() naming them and
 * are otherwise ignored. A ClientSecret key is returned in @client_secret,
 * never kept in the object. Validates before returning. */
KwConnection *kw_connection_new_from_key_file        (GKeyFile            *key_file,
                                                      const char          *group,
                                                      const char          *id,
                                                      const char          *file_name,
                                                      const char          *data,
                                                      KwConnectionOrigin   origin,
                                                      char               **client_secret,
                                                      GError             **error);
/* Loads the text of a connections.ini or .keyway file; a PARSE error names
 * the bad line without quoting it (it may hold a secret). */
GKeyFile     *kw_connection_load_key_file            (const char          *data,
                                                      gsize                length,
                                                      const char          *file_name,
                                                      GError             **error);
/* Parses a whole .keyway file. */
KwConnection *kw_connection_new_from_file_data       (const char          *data,
                                                      gsize                length,
                                                      const char          *file_name,
                                                      char               **client_secret,
                                                      GError             **error);
/* Writes the connection into @group: with the Id key for a .keyway file
 * (@with_id), without it for connections.ini. Never a secret. */
void          kw_connection_save_to_key_file         (KwConnection        *self,
                                                      GKeyFile            *key_file,
                                                      const char          *group,
                                                      gboolean             with_id);
/* The .keyway export of this connection: no secret, ever. */
GBytes       *kw_connection_to_file_data             (KwConnection        *self);
/* The same connection with another origin or has-client-secret. */
KwConnection *kw_connection_copy_with                (KwConnection        *self,
                                                      KwConnectionOrigin   origin,
                                                      gboolean             has_client_secret);

const char             *kw_connection_get_id                      (KwConnection *self);
const char             *kw_connection_get_name                    (KwConnection *self);
const char             *kw_connection_get_region                  (KwConnection *self);
const char             *kw_connection_get_client_id               (KwConnection *self);
const char             *kw_connection_get_user_pool_id            (KwConnection *self);
const char             *kw_connection_get_endpoint_url            (KwConnection *self);
gboolean                kw_connection_get_has_client_secret       (KwConnection *self);
gboolean                kw_connection_get_prevent_user_existence_errors (KwConnection *self);
const KwPasswordPolicy *kw_connection_get_password_policy         (KwConnection *self);
KwCredentialsSource     kw_connection_get_credentials_source      (KwConnection *self);
const char             *kw_connection_get_aws_profile             (KwConnection *self);
const char             *kw_connection_get_access_key_id           (KwConnection *self);
KwConnectionOrigin      kw_connection_get_origin                  (KwConnection *self);
/* TRUE when the connection can do helpdesk work: a pool id and credentials. */
gboolean                kw_connection_is_helpdesk                 (KwConnection *self);

GQuark        kw_connection_error_quark              (void);

G_END_DECLS
