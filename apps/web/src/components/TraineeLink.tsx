import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** A trainee's name that opens the trainee's page. */
export function TraineeLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/trainees/${id}`}>
      {name}
    </Anchor>
  );
}
