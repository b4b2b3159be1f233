/* kw-demo.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-demo.h"

#include "kw-connection.h"
#include "kw-memory-secret-store.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define DEMO_REGION "us-east-1"
#define DEMO_POOL_ID "us-east-1_KeywayDemo"
#define DEMO_CLIENT_ID "keywaydemo"
#define DEMO_PRIVATE_CLIENT_ID "keywaydemoprivate"

/* The helpdesk's keys: AWS's own documentation example, which no account
 * has. The fake knows them, and checks every Admin request's signature. */
#define DEMO_ACCESS_KEY "AKIAIOSFODNN7EXAMPLE"
#define DEMO_SECRET_KEY "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

/* Nobody signs in to the fake; the users only need some password to
 * exist, and the demo's new password must differ from it. */
#define DEMO_INITIAL_PASSWORD "Keyway-Demo-Passw0rd"

struct _KwDemo
{
  GObject        parent_instance;

  KwFakeCognito *fake;
  GListStore    *connections;
  KwSecretStore *secrets;
  KwAuditLog    *audit_log;
  char          *hint;
  char          *helpdesk_hint;
};

G_DEFINE_FINAL_TYPE (KwDemo, kw_demo, G_TYPE_OBJECT)

enum {
  CODE_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kw_demo_add_user (KwFakeDirectory *directory,
                  const char      *username,
                  const char      *attribute,
                  const char      *value,
                  gboolean         verified)
{
  g_autofree char *verified_name = g_strconcat (attribute, "_verified", NULL);

  kw_fake_directory_add_user (directory, DEMO_POOL_ID, username, DEMO_INITIAL_PASSWORD);
  kw_fake_directory_set_attribute (directory, DEMO_POOL_ID, username, attribute, value);
  kw_fake_directory_set_attribute (directory, DEMO_POOL_ID, username, verified_name,
                                   verified ? "true" : "false");
}

static void
kw_demo_populate (KwDemo *self)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (self->fake);

  kw_fake_directory_add_pool (directory, DEMO_POOL_ID);
  kw_fake_directory_add_client (directory, DEMO_POOL_ID, DEMO_CLIENT_ID, NULL, FALSE);
  /* The same accounts behind a client that does not say whether one exists. */
  kw_fake_directory_add_client (directory, DEMO_POOL_ID, DEMO_PRIVATE_CLIENT_ID, NULL, TRUE);

  kw_demo_add_user (directory, "jane", "email", "jane@example.com", TRUE);
  kw_demo_add_user (directory, "sam", "phone_number", "+15555550123", TRUE);
  /* The service has nowhere to send this one's code: InvalidParameter. */
  kw_demo_add_user (directory, "casey", "email", "casey@example.com", FALSE);
  kw_demo_add_user (directory, "robin", "email", "robin@example.com", TRUE);
  kw_fake_directory_set_enabled (directory, DEMO_POOL_ID, "robin", FALSE);

  /* For the helpdesk: a status of each kind it explains. */
  kw_demo_add_user (directory, "alex", "email", "alex@example.com", TRUE);
  kw_fake_directory_set_status (directory, DEMO_POOL_ID, "alex", "FORCE_CHANGE_PASSWORD");
  kw_demo_add_user (directory, "kim", "email", "kim@example.com", TRUE);
  kw_fake_directory_set_attribute (directory, DEMO_POOL_ID, "kim", "phone_number",
                                   "+15555550188");
  kw_fake_directory_set_attribute (directory, DEMO_POOL_ID, "kim", "phone_number_verified",
                                   "true");
  kw_fake_directory_set_status (directory, DEMO_POOL_ID, "kim", "RESET_REQUIRED");
  kw_demo_add_user (directory, "lee", "email", "lee@example.com", FALSE);
  kw_fake_directory_set_status (directory, DEMO_POOL_ID, "lee", "UNCONFIRMED");
  kw_demo_add_user (directory, "morgan", "email", "morgan@example.com", TRUE);
  kw_fake_directory_set_status (directory, DEMO_POOL_ID, "morgan", "COMPROMISED");
  /* One address, two accounts: a search by email finds both. */
  kw_demo_add_user (directory, "taylor", "email", "taylor@example.com", TRUE);
  kw_demo_add_user (directory, "taylor.admin", "email", "taylor@example.com", TRUE);

  kw_fake_cognito_add_credentials (self->fake, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, NULL);
}

static KwConnection *
kw_demo_create_connection (KwDemo      *self,
                           const char  *id,
                           const char  *name,
                           const char  *client_id,
                           gboolean     hides_accounts,
                           const char  *access_key_id,
                           GError     **error)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(KwConnection) connection = NULL;

  connection = g_object_new (KW_TYPE_CONNECTION,
                             "id", id,
                             "name", name,
                             "region", DEMO_REGION,
                             "client-id", client_id,
                             "user-pool-id", DEMO_POOL_ID,
                             "endpoint-url", kw_fake_cognito_get_url (self->fake),
                             "prevent-user-existence-errors", hides_accounts,
                             "password-policy", policy,
                             "credentials-source", access_key_id != NULL
                                                     ? KW_CREDENTIALS_SOURCE_KEYRING
                                                     : KW_CREDENTIALS_SOURCE_NONE,
                             "access-key-id", access_key_id,
                             "origin", KW_CONNECTION_ORIGIN_USER,
                             NULL);

  if (!kw_connection_validate (connection, error))
    return NULL;

  return g_steal_pointer (&connection);
}

static void
kw_demo_code_sent_cb (KwDemo        *self,
                      const char    *username,
                      const char    *destination,
                      const char    *medium,
                      const char    *code,
                      KwFakeCognito *fake)
{
  g_assert (KW_IS_DEMO (self));

  g_signal_emit (self, signals[CODE_SENT], 0, username, destination, medium, code);
}

static void
kw_demo_dispose (GObject *object)
{
  KwDemo *self = KW_DEMO (object);

  g_clear_object (&self->fake);
  g_clear_object (&self->connections);
  g_clear_object (&self->secrets);
  g_clear_object (&self->audit_log);

  G_OBJECT_CLASS (kw_demo_parent_class)->dispose (object);
}

static void
kw_demo_finalize (GObject *object)
{
  KwDemo *self = KW_DEMO (object);

  g_free (self->hint);
  g_free (self->helpdesk_hint);

  G_OBJECT_CLASS (kw_demo_parent_class)->finalize (object);
}

static void
kw_demo_class_init (KwDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_demo_dispose;
  object_class->finalize = kw_demo_finalize;

  signals[CODE_SENT] =
    g_signal_new ("code-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
kw_demo_init (KwDemo *self)
{
  self->connections = g_list_store_new (KW_TYPE_CONNECTION);
  self->secrets = kw_memory_secret_store_new ();
  self->hint = g_strdup (_("Demo accounts: jane gets her code by email, sam by text message; "
                           "casey has no verified email or phone, and robin’s account is "
                           "disabled. “Example Corp (Private)” does not tell whether an "
                           "account exists. Codes arrive in the demo inbox, at the top of "
                           "the window."));
  self->helpdesk_hint = g_strdup (_("Demo users: jane, sam and kim can get a reset code; "
                                    "casey has no verified email or phone; robin is disabled; "
                                    "alex must change a temporary password; lee never "
                                    "confirmed the account; morgan’s password may be known to "
                                    "others; taylor@example.com finds two users."));
}

static void
kw_demo_store_keys_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The memory store does not fail; signing in would say so if it did. */
  if (!kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error))
    g_debug ("The demo keys could not be stored: %s", error->message);
}

/* The helpdesk connection's keys, where signing in looks for them. */
static void
kw_demo_store_keys (KwDemo *self)
{
  g_autoptr(KwAwsCredentials) credentials = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  char *encoded;

  credentials = kw_aws_credentials_new (DEMO_ACCESS_KEY, DEMO_SECRET_KEY, NULL, "keyring");
  encoded = kw_secret_encode_aws_keys (credentials);
  attributes = kw_secret_attributes_for_aws_keys (KW_DEMO_HELPDESK_CONNECTION_ID,
                                                  DEMO_ACCESS_KEY);
  label = kw_secret_label_for_aws_keys (KW_DEMO_HELPDESK_CONNECTION_ID, DEMO_ACCESS_KEY);
  kw_secret_store_store_async (self->secrets, KW_SECRET_KIND_AWS_KEYS, attributes, label,
                               encoded, NULL, kw_demo_store_keys_cb, NULL);
  kw_secret_free (encoded);
}

/* A log of the demo's own, started afresh: made-up actions are no one's
 * record. */
static void
kw_demo_create_audit_log (KwDemo *self)
{
  g_autofree char *path = g_build_filename (g_get_user_runtime_dir (), "keyway",
                                            "demo-audit.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_remove (path);
  self->audit_log = kw_audit_log_new (file);
}

/**
 * kw_demo_new:
 * @error: the fake could not listen, or a demo connection is invalid
 *
 * Starts the fake on a free port of 127.0.0.1; it answers for as long as
 * the demo object lives and the thread-default main context runs.
 *
 * Returns: (transfer full) (nullable): the demo
 */
KwDemo *
kw_demo_new (GError **error)
{
  g_autoptr(KwDemo) self = g_object_new (KW_TYPE_DEMO, NULL);
  g_autoptr(KwConnection) open = NULL;
  g_autoptr(KwConnection) private = NULL;
  g_autoptr(KwConnection) helpdesk = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->fake = kw_fake_cognito_new ();
  kw_demo_populate (self);
  g_signal_connect_object (self->fake, "code-sent", G_CALLBACK (kw_demo_code_sent_cb), self,
                           G_CONNECT_SWAPPED);

  if (!kw_fake_cognito_start (self->fake, error))
    return NULL;

  g_debug ("Demo Cognito listening at %s", kw_fake_cognito_get_url (self->fake));

  open = kw_demo_create_connection (self, "demo", _("Example Corp"),
                                    DEMO_CLIENT_ID, FALSE, NULL, error);
  if (open == NULL)
    return NULL;

  private = kw_demo_create_connection (self, "demo-private", _("Example Corp (Private)"),
                                       DEMO_PRIVATE_CLIENT_ID, TRUE, NULL, error);
  if (private == NULL)
    return NULL;

  helpdesk = kw_demo_create_connection (self, KW_DEMO_HELPDESK_CONNECTION_ID,
                                        _("Example Corp Helpdesk"), DEMO_CLIENT_ID, FALSE,
                                        DEMO_ACCESS_KEY, error);
  if (helpdesk == NULL)
    return NULL;

  g_list_store_append (self->connections, open);
  g_list_store_append (self->connections, private);
  g_list_store_append (self->connections, helpdesk);
  kw_demo_store_keys (self);
  kw_demo_create_audit_log (self);

  return g_steal_pointer (&self);
}

GListModel *
kw_demo_get_connections (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return G_LIST_MODEL (self->connections);
}

KwSecretStore *
kw_demo_get_secret_store (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return self->secrets;
}

const char *
kw_demo_get_hint (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return self->hint;
}

KwFakeCognito *
kw_demo_get_fake (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return self->fake;
}

const char *
kw_demo_get_helpdesk_hint (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return self->helpdesk_hint;
}

KwAuditLog *
kw_demo_get_audit_log (KwDemo *self)
{
  g_return_val_if_fail (KW_IS_DEMO (self), NULL);

  return self->audit_log;
}

/**
 * kw_demo_replace_connection:
 * @self: the demo
 * @connection: a connection with the id of one of the demo's
 */
void
kw_demo_replace_connection (KwDemo       *self,
                            KwConnection *connection)
{
  guint n_items;

  g_return_if_fail (KW_IS_DEMO (self));
  g_return_if_fail (KW_IS_CONNECTION (connection));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->connections));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) item = g_list_model_get_item (G_LIST_MODEL (self->connections), i);

      if (g_strcmp0 (kw_connection_get_id (item), kw_connection_get_id (connection)) == 0)
        {
          g_list_store_splice (self->connections, i, 1, (gpointer *) &connection, 1);
          return;
        }
    }

  g_warning ("The demo has no connection %s to replace", kw_connection_get_id (connection));
}
