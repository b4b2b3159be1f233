/* kw-helpdesk-users-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-users-page.h"

#include "kw-helpdesk-confirm.h"
#include "kw-helpdesk-text.h"

#include <glib/gi18n-lib.h>

struct _KwHelpdeskUsersPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkLabel          *hint_label;
  AdwStatusPage     *empty_page;
  GtkLabel          *results_label;
  GtkListBox        *results_list;
  GtkWidget         *back_button;
  KwUserCard        *user_card;

  /* Owned references */
  KwHelpdeskSession *session;
  GPtrArray         *results;       /* KwCognitoUser, as listed */
  GCancellable      *cancellable;   /* the search in flight */
  char              *hint;
};

G_DEFINE_FINAL_TYPE (KwHelpdeskUsersPage, kw_helpdesk_users_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One search, for its callback to tell whether it is still the current
 * one and what was asked. */
typedef struct
{
  KwHelpdeskUsersPage *self;
  GCancellable        *cancellable;
  char                *query;
  KwLookupKind         kind;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data->query);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchData, search_data_free)

static char *
dup_query (KwHelpdeskUsersPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
kw_helpdesk_users_page_update_actions (KwHelpdeskUsersPage *self)
{
  g_autofree char *query = dup_query (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.search",
                                 self->session != NULL && *query != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.back",
                                 self->results != NULL && self->results->len > 1);
}

static void
kw_helpdesk_users_page_show (KwHelpdeskUsersPage *self,
                             const char          *name)
{
  gboolean busy = g_str_equal (name, "busy");

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* A list row: the username, then the address and the status. */
static char *
describe_user (const KwCognitoUser *user)
{
  const char *email = kw_cognito_user_get_attribute (user, "email");
  const char *phone = kw_cognito_user_get_attribute (user, "phone_number");
  const char *contact = email != NULL ? email : phone;
  const char *status = kw_helpdesk_status_get_title (user->status_code);

  if (contact == NULL)
    return g_strdup (status);

  /* Translators: a user in a list of search results: an email address or
   * phone number, then the user's status such as "Confirmed". */
  return g_strdup_printf (_("%s · %s"), contact, status);
}

static GtkWidget *
create_result_row (const KwCognitoUser *user)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_user (user);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), user->username);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
kw_helpdesk_users_page_clear_results (KwHelpdeskUsersPage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
kw_helpdesk_users_page_show_user (KwHelpdeskUsersPage *self,
                                  const KwCognitoUser *user)
{
  kw_user_card_set_user (self->user_card, user);
  gtk_widget_set_visible (self->back_button, self->results != NULL && self->results->len > 1);
  kw_helpdesk_users_page_show (self, "user");
  kw_helpdesk_users_page_update_actions (self);
}

static void
kw_helpdesk_users_page_show_results (KwHelpdeskUsersPage *self,
                                     const char          *query)
{
  g_autofree char *heading = NULL;

  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->results_list,
                         create_result_row (g_ptr_array_index (self->results, i)));

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u counts the users found; %s is what was
                                           * searched for, such as an email address. */
                                          "%u user matches “%s”",
                                          "%u users match “%s”",
                                          self->results->len),
                             self->results->len, query);
  gtk_label_set_text (self->results_label, heading);

  kw_helpdesk_users_page_show (self, "results");
  kw_helpdesk_users_page_update_actions (self);
}

static void
kw_helpdesk_users_page_show_none (KwHelpdeskUsersPage *self,
                                  const char          *query,
                                  KwLookupKind         kind)
{
  g_autofree char *description = NULL;

  switch (kind)
    {
    case KW_LOOKUP_EMAIL:
      /* Translators: the placeholder is an email address. */
      description = g_strdup_printf (_("No user of this user pool has the email address “%s”."),
                                     query);
      break;

    case KW_LOOKUP_PHONE:
      /* Translators: the placeholder is a phone number. */
      description = g_strdup_printf (_("No user of this user pool has the phone number “%s”."),
                                     query);
      break;

    case KW_LOOKUP_USERNAME:
    default:
      /* Translators: the placeholder is a username. */
      description = g_strdup_printf (_("No user of this user pool has the username “%s”. "
                                       "Usernames are case-sensitive; you can also search by "
                                       "email address or phone number."),
                                     query);
      break;
    }

  adw_status_page_set_description (self->empty_page, description);
  kw_helpdesk_users_page_show (self, "empty");
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SearchData) data = user_data;
  KwHelpdeskUsersPage *self = data->self;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = kw_helpdesk_lookup_finish (KW_HELPDESK (object), result, &error);

  /* A newer search, another session or a closed window: not this one's
   * answer to show. */
  if (self->cancellable != data->cancellable)
    return;
  g_clear_object (&self->cancellable);
  if (self->session == NULL)
    return;

  if (g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND) ||
      (users != NULL && users->len == 0))
    {
      kw_helpdesk_users_page_show_none (self, data->query, data->kind);
      return;
    }

  if (users == NULL)
    {
      kw_helpdesk_users_page_show (self, "start");
      kw_helpdesk_show_error (GTK_WIDGET (self), error,
                              data->kind == KW_LOOKUP_USERNAME
                                ? KW_COGNITO_OPERATION_ADMIN_GET_USER
                                : KW_COGNITO_OPERATION_LIST_USERS,
                              kw_helpdesk_session_get_connection (self->session));
      return;
    }

  self->results = g_steal_pointer (&users);
  if (self->results->len == 1)
    kw_helpdesk_users_page_show_user (self, g_ptr_array_index (self->results, 0));
  else
    kw_helpdesk_users_page_show_results (self, data->query);
}

static void
kw_helpdesk_users_page_search_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (widget);
  g_autofree char *query = dup_query (self);
  SearchData *data;

  if (self->session == NULL || *query == '\0')
    return;

  /* Only the newest search counts. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  kw_helpdesk_users_page_clear_results (self);
  kw_user_card_set_user (self->user_card, NULL);
  kw_helpdesk_users_page_show (self, "busy");
  kw_helpdesk_users_page_update_actions (self);

  data = g_new0 (SearchData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  data->kind = kw_helpdesk_classify_query (query);
  data->query = g_steal_pointer (&query);

  kw_helpdesk_lookup_async (kw_helpdesk_session_get_helpdesk (self->session), data->query,
                            self->cancellable, lookup_cb, data);
}

static void
kw_helpdesk_users_page_back_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (widget);

  if (self->results == NULL || self->results->len < 2)
    return;

  kw_helpdesk_users_page_show (self, "results");
}

static void
search_activate_cb (KwHelpdeskUsersPage *self,
                    GtkSearchEntry      *entry)
{
  g_assert (KW_IS_HELPDESK_USERS_PAGE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "users.search", NULL);
}

static void
search_changed_cb (KwHelpdeskUsersPage *self,
                   GtkEditable         *editable)
{
  g_assert (KW_IS_HELPDESK_USERS_PAGE (self));

  kw_helpdesk_users_page_update_actions (self);
}

static void
result_activated_cb (KwHelpdeskUsersPage *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (KW_IS_HELPDESK_USERS_PAGE (self));

  if (self->results == NULL || index < 0 || (guint) index >= self->results->len)
    return;

  kw_helpdesk_users_page_show_user (self, g_ptr_array_index (self->results, index));
}

/* After an action the card reads its user again; the list follows. */
static void
card_user_changed_cb (KwHelpdeskUsersPage *self,
                      GParamSpec          *pspec,
                      KwUserCard          *card)
{
  const KwCognitoUser *user = kw_user_card_get_user (card);

  g_assert (KW_IS_HELPDESK_USERS_PAGE (self));

  if (user == NULL || self->results == NULL)
    return;

  for (guint i = 0; i < self->results->len; i++)
    {
      KwCognitoUser *listed = g_ptr_array_index (self->results, i);
      GtkListBoxRow *row;
      g_autofree char *subtitle = NULL;

      if (listed == user || g_strcmp0 (listed->username, user->username) != 0)
        continue;

      g_ptr_array_index (self->results, i) = kw_cognito_user_copy (user);
      kw_cognito_user_free (listed);

      row = gtk_list_box_get_row_at_index (self->results_list, (int) i);
      subtitle = describe_user (user);
      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

/* Out of its window, the page has no one to show results to. */
static void
kw_helpdesk_users_page_unroot (GtkWidget *widget)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (widget);

  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (kw_helpdesk_users_page_parent_class)->unroot (widget);
}

/* The page's first field is where the person starts. */
static gboolean
kw_helpdesk_users_page_grab_focus (GtkWidget *widget)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
kw_helpdesk_users_page_dispose (GObject *object)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_HELPDESK_USERS_PAGE);

  G_OBJECT_CLASS (kw_helpdesk_users_page_parent_class)->dispose (object);
}

static void
kw_helpdesk_users_page_finalize (GObject *object)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (object);

  g_free (self->hint);

  G_OBJECT_CLASS (kw_helpdesk_users_page_parent_class)->finalize (object);
}

static void
kw_helpdesk_users_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_users_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KwHelpdeskUsersPage *self = KW_HELPDESK_USERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      kw_helpdesk_users_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_HINT:
      kw_helpdesk_users_page_set_hint (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_users_page_class_init (KwHelpdeskUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_helpdesk_users_page_dispose;
  object_class->finalize = kw_helpdesk_users_page_finalize;
  object_class->get_property = kw_helpdesk_users_page_get_property;
  object_class->set_property = kw_helpdesk_users_page_set_property;

  widget_class->grab_focus = kw_helpdesk_users_page_grab_focus;
  widget_class->unroot = kw_helpdesk_users_page_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         KW_TYPE_HELPDESK_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KW_TYPE_USER_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/"
                                               "kw-helpdesk-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskUsersPage, user_card);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_user_changed_cb);

  gtk_widget_class_install_action (widget_class, "users.search", NULL,
                                   kw_helpdesk_users_page_search_action);
  gtk_widget_class_install_action (widget_class, "users.back", NULL,
                                   kw_helpdesk_users_page_back_action);
}

static void
kw_helpdesk_users_page_init (KwHelpdeskUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kw_helpdesk_users_page_update_actions (self);
}

GtkWidget *
kw_helpdesk_users_page_new (void)
{
  return g_object_new (KW_TYPE_HELPDESK_USERS_PAGE, NULL);
}

KwHelpdeskSession *
kw_helpdesk_users_page_get_session (KwHelpdeskUsersPage *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_USERS_PAGE (self), NULL);

  return self->session;
}

/**
 * kw_helpdesk_users_page_set_session:
 * @self: the page
 * @session: (nullable): the session to search in
 *
 * Another session (or none) is another pool, or other rights: the search
 * in flight and the users found are forgotten.
 */
void
kw_helpdesk_users_page_set_session (KwHelpdeskUsersPage *self,
                                    KwHelpdeskSession   *session)
{
  g_return_if_fail (KW_IS_HELPDESK_USERS_PAGE (self));
  g_return_if_fail (session == NULL || KW_IS_HELPDESK_SESSION (session));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->session, session);

  kw_helpdesk_users_page_clear_results (self);
  kw_user_card_set_user (self->user_card, NULL);
  kw_user_card_set_session (self->user_card, session);
  kw_helpdesk_users_page_show (self, "start");
  kw_helpdesk_users_page_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
kw_helpdesk_users_page_get_hint (KwHelpdeskUsersPage *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_USERS_PAGE (self), NULL);

  return self->hint;
}

void
kw_helpdesk_users_page_set_hint (KwHelpdeskUsersPage *self,
                                 const char          *hint)
{
  g_return_if_fail (KW_IS_HELPDESK_USERS_PAGE (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

void
kw_helpdesk_users_page_search (KwHelpdeskUsersPage *self,
                               const char          *query)
{
  g_return_if_fail (KW_IS_HELPDESK_USERS_PAGE (self));
  g_return_if_fail (query != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_activate_action (GTK_WIDGET (self), "users.search", NULL);
}

KwUserCard *
kw_helpdesk_users_page_get_card (KwHelpdeskUsersPage *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_USERS_PAGE (self), NULL);

  return self->user_card;
}

gboolean
kw_helpdesk_users_page_get_busy (KwHelpdeskUsersPage *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_USERS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}
