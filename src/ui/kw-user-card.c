/* kw-user-card.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-user-card.h"

#include "kw-helpdesk-confirm.h"
#include "kw-helpdesk-text.h"
#include "kw-secret-store.h"

#include <glib/gi18n-lib.h>

/* What the card waits for; one request at a time. */
typedef enum
{
  REQUEST_NONE,
  REQUEST_RESET,
  REQUEST_TEMPORARY,
  REQUEST_REFRESH,
} Request;

struct _KwUserCard
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwAvatar          *avatar;
  GtkLabel           *username_label;
  GtkLabel           *summary_label;
  AdwActionRow       *status_row;
  AdwActionRow       *enabled_row;
  AdwActionRow       *email_row;
  GtkLabel           *email_verified_label;
  AdwActionRow       *phone_row;
  GtkLabel           *phone_verified_label;
  AdwActionRow       *created_row;
  AdwActionRow       *modified_row;
  GtkSpinner         *reset_spinner;
  GtkSpinner         *temporary_spinner;
  AdwExpanderRow     *advanced_row;
  AdwEntryRow        *metadata_key_row;
  AdwEntryRow        *metadata_value_row;

  /* Owned references */
  KwHelpdeskSession  *session;
  KwCognitoUser      *user;
  GHashTable         *metadata;        /* key → value, for ClientMetadata */
  GHashTable         *metadata_rows;   /* key → its row (borrowed) */
  GCancellable       *cancellable;     /* the request in flight */

  Request             request;
};

G_DEFINE_FINAL_TYPE (KwUserCard, kw_user_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_USER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
kw_user_card_is_disposed (KwUserCard *self)
{
  /* Disposing the template clears the widget pointers; a request that ends
   * after that has nothing to show its outcome in. */
  return self->status_row == NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static void
kw_user_card_update_actions (KwUserCard *self)
{
  gboolean idle = self->request == REQUEST_NONE;
  /* A user of another identity provider has no password here to reset. */
  gboolean ready = idle && self->session != NULL && self->user != NULL &&
                   self->user->status_code != KW_USER_STATUS_EXTERNAL_PROVIDER;
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->metadata_key_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.send-reset-code", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.set-temporary-password", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.add-metadata",
                                 idle && !is_blank (key));

  gtk_widget_set_visible (GTK_WIDGET (self->reset_spinner), self->request == REQUEST_RESET);
  gtk_spinner_set_spinning (self->reset_spinner, self->request == REQUEST_RESET);
  gtk_widget_set_visible (GTK_WIDGET (self->temporary_spinner),
                          self->request == REQUEST_TEMPORARY);
  gtk_spinner_set_spinning (self->temporary_spinner, self->request == REQUEST_TEMPORARY);
}

static void
kw_user_card_set_request (KwUserCard *self,
                          Request     request)
{
  gboolean was_busy = self->request != REQUEST_NONE;

  self->request = request;

  if (request == REQUEST_NONE)
    g_clear_object (&self->cancellable);
  else if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  if (kw_user_card_is_disposed (self))
    return;

  kw_user_card_update_actions (self);

  if (was_busy != (request != REQUEST_NONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A contact row: the value, and whether it is verified. */
static void
show_contact (AdwActionRow        *row,
              GtkLabel            *verified_label,
              const KwCognitoUser *user,
              const char          *attribute)
{
  g_autofree char *verified_name = g_strconcat (attribute, "_verified", NULL);
  const char *value = kw_cognito_user_get_attribute (user, attribute);
  gboolean verified = kw_cognito_user_attribute_is_true (user, verified_name);

  if (value == NULL || *value == '\0')
    {
      adw_action_row_set_subtitle (row, _("None"));
      gtk_widget_set_visible (GTK_WIDGET (verified_label), FALSE);
      return;
    }

  adw_action_row_set_subtitle (row, value);
  gtk_label_set_text (verified_label, verified ? _("Verified") : _("Not verified"));
  gtk_widget_remove_css_class (GTK_WIDGET (verified_label), verified ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (verified_label), verified ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (verified_label), TRUE);
}

static void
show_date (AdwActionRow *row,
           GDateTime    *time)
{
  g_autofree char *text = kw_helpdesk_format_date (time);

  adw_action_row_set_subtitle (row, text != NULL ? text : _("Unknown"));
}

static void
kw_user_card_show_user (KwUserCard *self)
{
  const KwCognitoUser *user = self->user;
  g_autofree char *summary = NULL;
  g_autofree char *status = NULL;
  const char *status_title;

  if (user == NULL)
    return;

  status_title = kw_helpdesk_status_get_title (user->status_code);

  adw_avatar_set_text (self->avatar, user->username);
  gtk_label_set_text (self->username_label, user->username);

  if (user->enabled)
    summary = g_strdup (status_title);
  else
    /* Translators: the placeholder is a user's status, such as
     * "Confirmed"; the account is also disabled. */
    summary = g_strdup_printf (_("%s, disabled"), status_title);
  gtk_label_set_text (self->summary_label, summary);

  /* Translators: a user's status in a word or two, such as "Confirmed",
   * then a sentence on what it means. */
  status = g_strdup_printf (_("%s. %s"), status_title,
                            kw_helpdesk_status_get_description (user->status_code));
  adw_action_row_set_subtitle (self->status_row, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_row), user->status);

  adw_action_row_set_subtitle (self->enabled_row,
                               user->enabled
                                 ? _("Enabled: the user may sign in")
                                 : _("Disabled: the user cannot sign in until the account is "
                                     "enabled again"));

  show_contact (self->email_row, self->email_verified_label, user, "email");
  show_contact (self->phone_row, self->phone_verified_label, user, "phone_number");
  show_date (self->created_row, user->created);
  show_date (self->modified_row, user->modified);
}

/* After an action: the user as the pool has them now. */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KwUserCard) self = user_data;
  g_autoptr(KwCognitoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = kw_cognito_client_admin_get_user_finish (KW_COGNITO_CLIENT (object), result, &error);
  kw_user_card_set_request (self, REQUEST_NONE);

  if (kw_user_card_is_disposed (self))
    return;

  if (user == NULL)
    {
      kw_helpdesk_show_error (GTK_WIDGET (self), error, KW_COGNITO_OPERATION_ADMIN_GET_USER,
                              kw_helpdesk_session_get_connection (self->session));
      return;
    }

  /* Another user may have been chosen meanwhile. */
  if (self->user != NULL && g_strcmp0 (self->user->username, user->username) == 0)
    kw_user_card_set_user (self, user);
}

static void
kw_user_card_refresh (KwUserCard *self)
{
  KwHelpdesk *helpdesk;

  /* Nothing shows it out of a window. */
  if (self->session == NULL || self->user == NULL ||
      gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  helpdesk = kw_helpdesk_session_get_helpdesk (self->session);
  kw_user_card_set_request (self, REQUEST_REFRESH);
  kw_cognito_client_admin_get_user_async (kw_helpdesk_get_client (helpdesk),
                                          kw_helpdesk_get_user_pool_id (helpdesk),
                                          self->user->username,
                                          self->cancellable,
                                          refresh_cb,
                                          g_object_ref (self));
}

static GtkWindow *
kw_user_card_get_window (KwUserCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}


/* Send Reset Code */

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KwUserCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = g_object_steal_data (G_OBJECT (self), "kw-action-username");
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  kw_user_card_set_request (self, REQUEST_NONE);

  if (!kw_helpdesk_reset_finish (KW_HELPDESK (object), result, NULL, &error))
    {
      if (!kw_user_card_is_disposed (self))
        kw_helpdesk_show_error (GTK_WIDGET (self), error,
                                KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
                                self->session != NULL
                                  ? kw_helpdesk_session_get_connection (self->session)
                                  : NULL);
      return;
    }

  if (kw_user_card_is_disposed (self))
    return;

  escaped = g_markup_escape_text (username, -1);
  /* Translators: the placeholder is a username. */
  text = g_strdup_printf (_("Reset code sent to %s"), escaped);
  kw_helpdesk_toast (GTK_WIDGET (self), text);
  kw_user_card_refresh (self);
}

static void
kw_user_card_start_reset (KwUserCard *self)
{
  GHashTable *metadata = g_hash_table_size (self->metadata) > 0 ? self->metadata : NULL;

  if (self->request != REQUEST_NONE || self->session == NULL || self->user == NULL)
    return;

  kw_user_card_set_request (self, REQUEST_RESET);
  g_object_set_data_full (G_OBJECT (self), "kw-action-username",
                          g_strdup (self->user->username), g_free);
  kw_helpdesk_reset_async (kw_helpdesk_session_get_helpdesk (self->session),
                           self->user->username, metadata, self->cancellable,
                           reset_cb, g_object_ref (self));
}

/* Set Temporary Password */

static void
temporary_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KwUserCard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *username = g_object_steal_data (G_OBJECT (self), "kw-action-username");
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  char *password;

  kw_user_card_set_request (self, REQUEST_NONE);

  password = kw_helpdesk_set_temporary_password_finish (KW_HELPDESK (object), result, &error);
  if (password == NULL)
    {
      if (!kw_user_card_is_disposed (self))
        kw_helpdesk_show_error (GTK_WIDGET (self), error,
                                KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD,
                                self->session != NULL
                                  ? kw_helpdesk_session_get_connection (self->session)
                                  : NULL);
      return;
    }

  /* Set, but the window is gone: the password is shown once, or not at
   * all (the audit log says it was set). */
  if (kw_user_card_is_disposed (self) || kw_user_card_get_window (self) == NULL)
    {
      kw_secret_free (password);
      return;
    }

  dialog = kw_helpdesk_password_dialog_new (kw_user_card_get_window (self), username, password);
  kw_secret_free (password);
  gtk_window_present (GTK_WINDOW (dialog));

  escaped = g_markup_escape_text (username, -1);
  /* Translators: the placeholder is a username. */
  text = g_strdup_printf (_("Temporary password set for %s"), escaped);
  kw_helpdesk_toast (GTK_WIDGET (self), text);
  kw_user_card_refresh (self);
}

static void
kw_user_card_start_temporary (KwUserCard *self)
{
  if (self->request != REQUEST_NONE || self->session == NULL || self->user == NULL)
    return;

  kw_user_card_set_request (self, REQUEST_TEMPORARY);
  g_object_set_data_full (G_OBJECT (self), "kw-action-username",
                          g_strdup (self->user->username), g_free);
  kw_helpdesk_set_temporary_password_async (kw_helpdesk_session_get_helpdesk (self->session),
                                            self->user->username, self->cancellable,
                                            temporary_cb, g_object_ref (self));
}

/* The confirmations */

static void
confirm_temporary_response_cb (KwUserCard       *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  g_assert (KW_IS_USER_CARD (self));

  if (g_strcmp0 (response, KW_HELPDESK_RESPONSE_TEMPORARY) == 0)
    kw_user_card_start_temporary (self);
}

static void
kw_user_card_confirm_temporary (KwUserCard *self)
{
  GtkWidget *dialog;

  if (self->user == NULL)
    return;

  dialog = kw_helpdesk_confirm_temporary_new (kw_user_card_get_window (self), self->user);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_temporary_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_reset_response_cb (KwUserCard       *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  g_assert (KW_IS_USER_CARD (self));

  if (g_strcmp0 (response, KW_HELPDESK_RESPONSE_RESET) == 0)
    kw_user_card_start_reset (self);
  else if (g_strcmp0 (response, KW_HELPDESK_RESPONSE_TEMPORARY) == 0)
    kw_user_card_confirm_temporary (self);
}

static void
kw_user_card_send_reset_code_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  KwUserCard *self = KW_USER_CARD (widget);
  GtkWidget *dialog;

  if (self->user == NULL || self->request != REQUEST_NONE)
    return;

  dialog = kw_helpdesk_confirm_reset_new (kw_user_card_get_window (self), self->user,
                                          g_hash_table_size (self->metadata));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_reset_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kw_user_card_set_temporary_password_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param)
{
  KwUserCard *self = KW_USER_CARD (widget);

  if (self->request != REQUEST_NONE)
    return;

  kw_user_card_confirm_temporary (self);
}

/* ClientMetadata */

static void
kw_user_card_remove_metadata_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  KwUserCard *self = KW_USER_CARD (widget);
  const char *key = g_variant_get_string (param, NULL);
  GtkWidget *row = g_hash_table_lookup (self->metadata_rows, key);

  if (row != NULL)
    adw_expander_row_remove (self->advanced_row, row);

  g_hash_table_remove (self->metadata_rows, key);
  g_hash_table_remove (self->metadata, key);
}

static GtkWidget *
create_metadata_row (const char *key,
                     const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: the placeholder is a metadata key the person added. */
  tooltip = g_strdup_printf (_("Remove “%s”"), key);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "card.remove-metadata");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (key));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
kw_user_card_add_metadata_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  KwUserCard *self = KW_USER_CARD (widget);
  g_autofree char *key = NULL;
  const char *value;
  GtkWidget *row;

  key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->metadata_key_row))));
  value = gtk_editable_get_text (GTK_EDITABLE (self->metadata_value_row));
  if (*key == '\0')
    return;

  /* A key given again takes its new value. */
  row = g_hash_table_lookup (self->metadata_rows, key);
  if (row != NULL)
    adw_expander_row_remove (self->advanced_row, row);

  row = create_metadata_row (key, value);
  adw_expander_row_add_row (self->advanced_row, row);
  g_hash_table_replace (self->metadata_rows, g_strdup (key), row);
  g_hash_table_replace (self->metadata, g_strdup (key), g_strdup (value));

  gtk_editable_set_text (GTK_EDITABLE (self->metadata_key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->metadata_value_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->metadata_key_row));
}

static void
kw_user_card_clear_metadata (KwUserCard *self)
{
  GHashTableIter iter;
  GtkWidget *row;

  if (kw_user_card_is_disposed (self))
    return;

  g_hash_table_iter_init (&iter, self->metadata_rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    adw_expander_row_remove (self->advanced_row, row);

  g_hash_table_remove_all (self->metadata_rows);
  g_hash_table_remove_all (self->metadata);
  gtk_editable_set_text (GTK_EDITABLE (self->metadata_key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->metadata_value_row), "");
  adw_expander_row_set_expanded (self->advanced_row, FALSE);
}

static void
metadata_changed_cb (KwUserCard  *self,
                     GtkEditable *editable)
{
  g_assert (KW_IS_USER_CARD (self));

  kw_user_card_update_actions (self);
}

static void
metadata_activated_cb (KwUserCard  *self,
                       AdwEntryRow *row)
{
  g_assert (KW_IS_USER_CARD (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "card.add-metadata", NULL);
}

/* Out of its window, a card has nothing to read again for. An action in
 * flight goes on: it was confirmed, and is audited when it ends. */
static void
kw_user_card_unroot (GtkWidget *widget)
{
  KwUserCard *self = KW_USER_CARD (widget);

  if (self->request == REQUEST_REFRESH)
    g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (kw_user_card_parent_class)->unroot (widget);
}

/* GObject */

static void
kw_user_card_dispose (GObject *object)
{
  KwUserCard *self = KW_USER_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->metadata_rows, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_USER_CARD);

  G_OBJECT_CLASS (kw_user_card_parent_class)->dispose (object);
}

static void
kw_user_card_finalize (GObject *object)
{
  KwUserCard *self = KW_USER_CARD (object);

  /* A request's callback holds the card until it has ended. */
  g_assert (self->cancellable == NULL);

  g_clear_pointer (&self->user, kw_cognito_user_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);

  G_OBJECT_CLASS (kw_user_card_parent_class)->finalize (object);
}

static void
kw_user_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KwUserCard *self = KW_USER_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_USER:
      g_value_set_boxed (value, self->user);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kw_user_card_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_user_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KwUserCard *self = KW_USER_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      kw_user_card_set_session (self, g_value_get_object (value));
      break;

    case PROP_USER:
      kw_user_card_set_user (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_user_card_class_init (KwUserCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_user_card_dispose;
  object_class->finalize = kw_user_card_finalize;
  object_class->get_property = kw_user_card_get_property;
  object_class->set_property = kw_user_card_set_property;

  widget_class->unroot = kw_user_card_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         KW_TYPE_HELPDESK_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_boxed ("user", NULL, NULL,
                        KW_TYPE_COGNITO_USER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-user-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, username_label);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, status_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, enabled_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, email_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, email_verified_label);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, phone_verified_label);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, created_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, modified_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, reset_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, temporary_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, metadata_key_row);
  gtk_widget_class_bind_template_child (widget_class, KwUserCard, metadata_value_row);
  gtk_widget_class_bind_template_callback (widget_class, metadata_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, metadata_activated_cb);

  gtk_widget_class_install_action (widget_class, "card.send-reset-code", NULL,
                                   kw_user_card_send_reset_code_action);
  gtk_widget_class_install_action (widget_class, "card.set-temporary-password", NULL,
                                   kw_user_card_set_temporary_password_action);
  gtk_widget_class_install_action (widget_class, "card.add-metadata", NULL,
                                   kw_user_card_add_metadata_action);
  gtk_widget_class_install_action (widget_class, "card.remove-metadata", "s",
                                   kw_user_card_remove_metadata_action);
}

static void
kw_user_card_init (KwUserCard *self)
{
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->metadata_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  kw_user_card_update_actions (self);
}

GtkWidget *
kw_user_card_new (void)
{
  return g_object_new (KW_TYPE_USER_CARD, NULL);
}

KwHelpdeskSession *
kw_user_card_get_session (KwUserCard *self)
{
  g_return_val_if_fail (KW_IS_USER_CARD (self), NULL);

  return self->session;
}

/**
 * kw_user_card_set_session:
 * @self: a card
 * @session: (nullable): the session to act in
 *
 * A new session (or none, signed out) ends what the old one had in flight.
 */
void
kw_user_card_set_session (KwUserCard        *self,
                          KwHelpdeskSession *session)
{
  g_return_if_fail (KW_IS_USER_CARD (self));
  g_return_if_fail (session == NULL || KW_IS_HELPDESK_SESSION (session));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->session, session);
  kw_user_card_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const KwCognitoUser *
kw_user_card_get_user (KwUserCard *self)
{
  g_return_val_if_fail (KW_IS_USER_CARD (self), NULL);

  return self->user;
}

/**
 * kw_user_card_set_user:
 * @self: a card
 * @user: (nullable): the user to show; copied
 */
void
kw_user_card_set_user (KwUserCard          *self,
                       const KwCognitoUser *user)
{
  g_return_if_fail (KW_IS_USER_CARD (self));

  if (self->user == user)
    return;

  /* Metadata is entered for one user's reset; another user starts
   * without it. */
  if (user == NULL || self->user == NULL || g_strcmp0 (self->user->username, user->username) != 0)
    kw_user_card_clear_metadata (self);

  g_clear_pointer (&self->user, kw_cognito_user_free);
  if (user != NULL)
    self->user = kw_cognito_user_copy (user);

  kw_user_card_show_user (self);
  kw_user_card_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

gboolean
kw_user_card_get_busy (KwUserCard *self)
{
  g_return_val_if_fail (KW_IS_USER_CARD (self), FALSE);

  return self->request != REQUEST_NONE;
}
