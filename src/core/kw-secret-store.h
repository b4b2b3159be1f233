/* kw-secret-store.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-aws-credentials.h"

G_BEGIN_DECLS

#define KW_SECRET_ERROR (kw_secret_error_quark ())

typedef enum
{
  KW_SECRET_ERROR_UNAVAILABLE,  /* no Secret Service or portal: D-Bus missing, nothing answering */
  KW_SECRET_ERROR_LOCKED,       /* the keyring is locked and unlocking was refused or dismissed */
  KW_SECRET_ERROR_MALFORMED,    /* an item exists, but it does not hold what Keyway stored */
  KW_SECRET_ERROR_FAILED,       /* the keyring answered with some other failure */
} KwSecretError;

/* The two schemas; each names its items by two attributes. */
typedef enum
{
  KW_SECRET_KIND_CLIENT_SECRET,   /* a user pool app client's secret: region, client id */
  KW_SECRET_KIND_AWS_KEYS,        /* a helpdesk's AWS keys: label, access key id */
} KwSecretKind;

#define KW_SECRET_ATTRIBUTE_REGION        "region"
#define KW_SECRET_ATTRIBUTE_CLIENT_ID     "client-id"
#define KW_SECRET_ATTRIBUTE_LABEL         "label"
#define KW_SECRET_ATTRIBUTE_ACCESS_KEY_ID "access-key-id"

#define KW_TYPE_SECRET_STORE (kw_secret_store_get_type ())

G_DECLARE_INTERFACE (KwSecretStore, kw_secret_store, KW, SECRET_STORE, GObject)

/* The vfuncs mirror libsecret's own password calls: an attribute table picks
 * the item, the secret is a UTF-8 string. Lookup returns %NULL and no error
 * when there is no such item. */
struct _KwSecretStoreInterface
{
  GTypeInterface parent_iface;

  void      (*store_async)   (KwSecretStore        *self,
                              KwSecretKind          kind,
                              GHashTable           *attributes,
                              const char           *label,
                              const char           *secret,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean  (*store_finish)  (KwSecretStore        *self,
                              GAsyncResult         *result,
                              GError              **error);
  void      (*lookup_async)  (KwSecretStore        *self,
                              KwSecretKind          kind,
                              GHashTable           *attributes,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  char     *(*lookup_finish) (KwSecretStore        *self,
                              GAsyncResult         *result,
                              GError              **error);
  void      (*clear_async)   (KwSecretStore        *self,
                              KwSecretKind          kind,
                              GHashTable           *attributes,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean  (*clear_finish)  (KwSecretStore        *self,
                              GAsyncResult         *result,
                              GError              **error);
};

GQuark      kw_secret_error_quark           (void);

void        kw_secret_store_store_async     (KwSecretStore        *self,
                                             KwSecretKind          kind,
                                             GHashTable           *attributes,
                                             const char           *label,
                                             const char           *secret,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    kw_secret_store_store_finish    (KwSecretStore        *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void        kw_secret_store_lookup_async    (KwSecretStore        *self,
                                             KwSecretKind          kind,
                                             GHashTable           *attributes,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char       *kw_secret_store_lookup_finish   (KwSecretStore        *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void        kw_secret_store_clear_async     (KwSecretStore        *self,
                                             KwSecretKind          kind,
                                             GHashTable           *attributes,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    kw_secret_store_clear_finish    (KwSecretStore        *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Attribute tables (string → string) for the two kinds. */
GHashTable *kw_secret_attributes_for_client   (const char *region,
                                               const char *client_id);
GHashTable *kw_secret_attributes_for_aws_keys (const char *label,
                                               const char *access_key_id);

/* Translated item labels, as a person browsing the keyring sees them. */
char       *kw_secret_label_for_client        (const char *connection_name,
                                               const char *client_id);
char       *kw_secret_label_for_aws_keys      (const char *label,
                                               const char *access_key_id);

/* AWS keys are one secret: the secret access key, then the session token on
 * a second line when there is one. */
char             *kw_secret_encode_aws_keys (const KwAwsCredentials *credentials);
KwAwsCredentials *kw_secret_decode_aws_keys (const char             *access_key_id,
                                             const char             *secret,
                                             const char             *source,
                                             GError                **error);

/* Overwrites a secret string before freeing it. */
void        kw_secret_free                  (char                 *secret);

G_END_DECLS
