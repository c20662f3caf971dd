package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * People's accounts in PostgreSQL ({@code person_account}). Reads for administration take the caller's
 * {@link Visibility}: an account is seen when it shares a municipality with the caller (operators see every one),
 * applied in the SQL with bound parameters. Throws {@link IllegalStateException} when the database cannot be reached.
 */
public final class PgPeople {

    private static final String COLUMNS = "username, password_hash, roles, municipalities, failed_logins, locked_until";
    /** ? = everything, ? = the caller's municipalities */
    private static final String VISIBLE = "(? OR municipalities && ?::char(8)[])";
    /**
     * Wraps a statement that changes accounts ({@code RETURNING username}) so that, in the same transaction, each
     * changed account's tokens are withdrawn; counts the changed accounts.
     */
    private static final String WITHDRAWING = "WITH changed AS (%s RETURNING username) "
            + "INSERT INTO access_withdrawn (username, at) SELECT username, now() FROM changed "
            + "ON CONFLICT (username) DO UPDATE SET at = excluded.at";
    private static final String GRANT = WITHDRAWING.formatted("UPDATE person_account SET roles = ?, "
            + "municipalities = ?::char(8)[], updated_at = now() WHERE username = ? AND " + VISIBLE);
    private static final String SET_PASSWORD = WITHDRAWING.formatted("UPDATE person_account SET password_hash = ?, "
            + "failed_logins = 0, locked_until = NULL, updated_at = now() WHERE username = ? AND " + VISIBLE);
    private static final String DELETE = WITHDRAWING.formatted(
            "DELETE FROM person_account WHERE username = ? AND " + VISIBLE);

    private final DataSource dataSource;
    private final List<Consumer<String>> accessChangeListeners = new CopyOnWriteArrayList<>();

    public PgPeople(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code listener} with the username after each change of an account's access made through this object. */
    public void onAccessChanged(Consumer<String> listener) {
        accessChangeListeners.add(listener);
    }

    public long count() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM person_account");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The account whoever it is: for signing in only. */
    public Optional<Person> find(String username) {
        return one("SELECT " + COLUMNS + " FROM person_account WHERE username = ?", statement ->
                statement.setString(1, username));
    }

    public Optional<Person> find(String username, Visibility visibility) {
        return one("SELECT " + COLUMNS + " FROM person_account WHERE username = ? AND " + VISIBLE, statement -> {
            statement.setString(1, username);
            bind(statement, 2, visibility);
        });
    }

    public List<Person> list(Visibility visibility) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM person_account WHERE " + VISIBLE + " ORDER BY username")) {
            bind(statement, 1, visibility);
            List<Person> people = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    people.add(person(rows));
                }
            }
            return people;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** False when the username is taken. */
    public boolean create(Person person) {
        return update("""
                INSERT INTO person_account (username, password_hash, roles, municipalities)
                VALUES (?, ?, ?, ?::char(8)[]) ON CONFLICT (username) DO NOTHING""", (connection, statement) -> {
            statement.setString(1, person.username());
            statement.setString(2, person.passwordHash());
            statement.setArray(3, roles(connection, person.roles()));
            statement.setArray(4, texts(connection, person.municipalities()));
        }) > 0;
    }

    /** New roles and municipalities for an account the caller sees; false when they see none by that name. */
    public boolean grant(String username, Set<Role> roles, Set<String> municipalities, Visibility visibility) {
        return accessChanged(username, update(GRANT, (connection, statement) -> {
            statement.setArray(1, roles(connection, roles));
            statement.setArray(2, texts(connection, municipalities));
            statement.setString(3, username);
            bind(statement, 4, visibility);
        }));
    }

    public boolean setPassword(String username, String passwordHash, Visibility visibility) {
        return accessChanged(username, update(SET_PASSWORD, (connection, statement) -> {
            statement.setString(1, passwordHash);
            statement.setString(2, username);
            bind(statement, 3, visibility);
        }));
    }

    public boolean delete(String username, Visibility visibility) {
        return accessChanged(username, update(DELETE, (connection, statement) -> {
            statement.setString(1, username);
            bind(statement, 2, visibility);
        }));
    }

    /** Whether an account changed; if so, tells the listeners. */
    private boolean accessChanged(String username, int changedAccounts) {
        if (changedAccounts == 0) {
            return false;
        }
        accessChangeListeners.forEach(listener -> listener.accept(username));
        return true;
    }

    /** When this person's access last changed or ended, if ever: tokens issued before that are void. */
    public Optional<Instant> tokensWithdrawnAt(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT at FROM access_withdrawn WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A failed login: counts it, and sets the lock when given. Returns the failures in a row now. */
    public int recordFailure(String username, Instant lockUntil) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     UPDATE person_account SET failed_logins = CASE WHEN ?::timestamptz IS NULL THEN failed_logins + 1
                         ELSE 0 END, locked_until = COALESCE(?::timestamptz, locked_until)
                     WHERE username = ? RETURNING failed_logins""")) {
            Timestamp lock = lockUntil == null ? null : Timestamp.from(lockUntil);
            statement.setTimestamp(1, lock);
            statement.setTimestamp(2, lock);
            statement.setString(3, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public void recordSuccess(String username) {
        update("UPDATE person_account SET failed_logins = 0, locked_until = NULL WHERE username = ?",
                (connection, statement) -> statement.setString(1, username));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface ConnectionBinder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private Optional<Person> one(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(person(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private int update(String sql, ConnectionBinder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Binds {@link #VISIBLE}'s two parameters from {@code index} on. */
    static void bind(PreparedStatement statement, int index, Visibility visibility) throws SQLException {
        statement.setBoolean(index, visibility.all());
        statement.setArray(index + 1, statement.getConnection().createArrayOf("text", visibility.asArray()));
    }

    private static Array roles(Connection connection, Set<Role> roles) throws SQLException {
        return connection.createArrayOf("text", roles.stream().map(Role::name).sorted().toArray(String[]::new));
    }

    private static Array texts(Connection connection, Set<String> values) throws SQLException {
        return connection.createArrayOf("text", new TreeSet<>(values).toArray(String[]::new));
    }

    private static Person person(ResultSet row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) row.getArray("roles").getArray()) {
            Role.named(name).ifPresent(roles::add);
        }
        Set<String> municipalities = new TreeSet<>(Arrays.asList((String[]) row.getArray("municipalities").getArray()));
        Timestamp locked = row.getTimestamp("locked_until");
        return new Person(row.getString("username"), row.getString("password_hash"), roles, municipalities,
                row.getInt("failed_logins"), locked == null ? null : locked.toInstant());
    }

    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("accounts unavailable: " + e.getMessage(), e);
    }
}
