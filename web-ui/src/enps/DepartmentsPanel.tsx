import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import addDepartmentDocument from '../graphql/addDepartment.graphql?raw';
import deleteDepartmentDocument from '../graphql/deleteDepartment.graphql?raw';
import { graphqlRequest } from '../graphql/client';
import type { Department } from '../graphql/types';
import { errorMessage } from '../journeys/errors';
import type {
  AddDepartmentMutation, AddDepartmentMutationVariables, DeleteDepartmentMutation, DeleteDepartmentMutationVariables,
} from '../graphql/generated';

/** The department tree, with adding and deleting for HR admins. Codes are the touchpoint owning teams. */
export function DepartmentsPanel({ departments, onChanged }: { departments: Department[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await graphqlRequest<AddDepartmentMutation, AddDepartmentMutationVariables>(addDepartmentDocument, {
        input: { code: code.trim().toLowerCase(), name: name.trim(), parent: parent || null },
      });
      setCode('');
      setName('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  async function remove(department: Department) {
    if (!window.confirm(t('enps.departments.confirmDelete', { name: department.name }))) return;
    setError(null);
    try {
      await graphqlRequest<DeleteDepartmentMutation, DeleteDepartmentMutationVariables>(deleteDepartmentDocument, { code: department.code });
      onChanged();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  return (
    <section className="card" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('enps.departments.title')}</h2>
      {departments.length === 0 && <p className="muted">{t('enps.departments.empty')}</p>}
      <ul className="tree">
        {departments.map((d) => (
          <li key={d.code} style={{ paddingInlineStart: `${d.depth * 1.25}rem` }}>
            <span>{d.name}</span> <code className="muted small">{d.code}</code>
            {d.children.length === 0 && (
              <button type="button" className="link small" onClick={() => remove(d)}
                aria-label={t('enps.departments.delete', { name: d.name })}>
                {t('enps.departments.deleteShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="inline-form">
        <label htmlFor="department-code">{t('enps.departments.code')}</label>
        <input id="department-code" value={code} required pattern="[a-z0-9][a-z0-9-]*" onChange={(e) => setCode(e.target.value)} />
        <label htmlFor="department-name">{t('enps.departments.name')}</label>
        <input id="department-name" value={name} required onChange={(e) => setName(e.target.value)} />
        <label htmlFor="department-parent">{t('enps.departments.parent')}</label>
        <select id="department-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">{t('enps.departments.topLevel')}</option>
          {departments.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit">{t('enps.departments.add')}</button>
      </form>
    </section>
  );
}
